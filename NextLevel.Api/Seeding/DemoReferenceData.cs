using NextLevel.Domain.Agents;
using NextLevel.Domain.Configuration;
using NextLevel.Domain.Knowledge;

namespace NextLevel.Api.Seeding;

/// <summary>The few documents that do not scale with leads: agents, their knowledge versions and settings.</summary>
internal static class DemoReferenceData
{
    private static readonly Dictionary<string, string> CurrentVersions = new()
    {
        ["conversation-patterns"] = "v1.24",
        ["objection-handlers"] = "v2.03",
        ["market-intelligence"] = "v3.11",
    };

    public static IReadOnlyList<KnowledgeEntry> Knowledge(DemoDataGenerator ids, DateTime now)
    {
        (string Area, string Key, string Title, string Content, string[] Tags)[] entries =
        [
            ("objection-handlers", "not_interested", "Not interested right now", "I understand. Just so you know, we buy as-is and can close on your timeline. Would it help if I sent you a no-obligation cash offer?", ["objection", "hesitation"]),
            ("objection-handlers", "need_time", "Needs time to think", "Of course. When would be a better time to talk? I can call back at a time that suits you.", ["objection", "callback"]),
            ("objection-handlers", "already_listed", "Already listed with an agent", "That's great! How's that going? If it doesn't sell, we can make a cash offer with no commissions.", ["objection", "listing"]),
            ("objection-handlers", "price_too_low", "Offer feels too low", "Our offer accounts for repairs and a quick, certain close. Let's walk through the comparable sales together.", ["objection", "price"]),
            ("conversation-patterns", "specific_dates", "Use specific dates", "Propose a concrete day and time (next Tuesday at 2pm) rather than a vague timeframe; it raises commitment.", ["scheduling", "commitment"]),
            ("conversation-patterns", "open_questions", "Open questions first", "Start with open questions about the owner's situation before discussing price.", ["discovery"]),
            ("conversation-patterns", "recording_disclosure", "Disclose recording", "In all-party consent states say at the start that the call may be recorded.", ["compliance", "recording"]),
            ("market-intelligence", "pnw_inventory", "Pacific Northwest inventory", "Inventory is low in Seattle and Tacoma; days on market average under three weeks.", ["market", "WA", "OR"]),
            ("market-intelligence", "texas_taxes", "Texas property taxes", "High property taxes push tired landlords in Dallas and Houston to sell.", ["market", "TX"]),
            ("market-intelligence", "florida_insurance", "Florida insurance costs", "Rising insurance premiums motivate Florida owners of older homes.", ["market", "FL"]),
        ];
        return [.. entries.Select(e => new KnowledgeEntry
        {
            Id = ids.NewId(),
            Area = e.Area,
            Version = CurrentVersions[e.Area],
            Key = e.Key,
            Title = e.Title,
            Content = e.Content,
            Tags = [.. e.Tags],
            Effectiveness = 0.6 + e.Key.Length % 4 * 0.08,
            PublishedAt = now.AddDays(-14),
            PublishedBy = "architect_agent",
        })];
    }

    public static IReadOnlyList<AgentState> Agents(DemoDataGenerator ids, DateTime now) =>
    [
        .. new[] { (AgentType.ConversationAi, "agent_conv_001"), (AgentType.Architect, "agent_arch_001"), (AgentType.Sales, "agent_sales_001"), (AgentType.Realty, "agent_realty_001") }
            .Select(a => new AgentState
            {
                Id = ids.NewId(),
                AgentType = a.Item1,
                AgentId = a.Item2,
                State = new AgentRuntimeState { LastKnowledgeRefresh = now.AddHours(-4), ActiveContexts = 3, CachedPrompts = 5, CacheHitRate = 0.92 },
                DecisionHistory =
                [
                    new AgentDecision { Timestamp = now.AddHours(-1), Decision = "select_objection_handler", Input = "User hesitated about selling now", Reasoning = "Detected hesitation objection, retrieved top handler from knowledge base", Output = "I understand. What would need to change for you to consider it?", Outcome = "successful", Confidence = 0.89 },
                ],
                Metrics = new AgentMetrics { TotalRequests = 1247, SuccessfulRequests = 1198, FailedRequests = 49, AvgResponseTime = 1250, AvgConfidence = 0.84, KnowledgeBaseHits = 1089, KnowledgeBaseMisses = 158, KnowledgeBaseHitRate = 0.87, DecisionsOverridden = 12, FeedbackIncorporated = 45, CostSavings = 1450.00m, TotalCost = 156.50m },
                Learnings = [new AgentLearning { Timestamp = now.AddDays(-2), Source = "call_feedback", Insight = "Using specific dates ('next Tuesday') vs vague timeframes increased commitment rate", Incorporated = true, ImprovedMetric = "commitment_rate", Improvement = 0.15 }],
                KnowledgeVersions = new Dictionary<string, string>(CurrentVersions),
                UpdatedAt = now,
            }),
    ];

    public static IReadOnlyList<SystemConfigEntry> Settings(DemoDataGenerator ids, DateTime now) =>
    [
        .. SystemSettings.All.Select(s => new SystemConfigEntry
        {
            Id = ids.NewId(),
            Key = s.Key,
            Value = s.DefaultDocument,
            Description = s.Description,
            Version = 1,
            UpdatedAt = now,
            UpdatedBy = "seeder",
        }),
    ];
}
