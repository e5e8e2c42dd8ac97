namespace NextLevel.Domain.Persistence;

/// <summary>The database and its twelve collections, as ../shared/seed/mongodb-schema.md names them.</summary>
public static class CollectionNames
{
    public const string Database = "next_level_real_estate";

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

    /// <summary>Archive of call transcripts older than the retention period, one collection per year of createdAt.</summary>
    public static string CallTranscriptsArchive(int year) => $"call_transcripts_archive_{year}";
}
