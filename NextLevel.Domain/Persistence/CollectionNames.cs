namespace NextLevel.Domain.Persistence;

/// <summary>
/// The names of the collections of the <c>next_level_real_estate</c> database, as the schema document spells them.
/// Code names a collection only through these constants, so a rename is one edit.
/// </summary>
public static class CollectionNames
{
    public const string Leads = "leads";
    public const string Contacts = "contacts";
    public const string Properties = "properties";
    public const string Campaigns = "campaigns";
    public const string Calls = "calls";
    public const string CallTranscripts = "call_transcripts";
    public const string ConsentLogs = "consent_logs";
    public const string DncRegistry = "dnc_registry";
    public const string AgentState = "agent_state";
    public const string KnowledgeBase = "knowledge_base";
    public const string AnalyticsEvents = "analytics_events";
    public const string SystemConfig = "system_config";

    /// <summary>Every collection of the database, in the schema document's order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Leads, Contacts, Properties, Campaigns, Calls, CallTranscripts,
        ConsentLogs, DncRegistry, AgentState, KnowledgeBase, AnalyticsEvents, SystemConfig,
    ];
}
