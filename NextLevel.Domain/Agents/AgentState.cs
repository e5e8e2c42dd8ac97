using MongoDB.Bson;

namespace NextLevel.Domain.Agents;

public enum AgentType
{
    Architect = 1,
    ConversationAi = 2,
    Sales = 3,
    Realty = 4,
}

/// <summary>State, recent decisions and metrics of one AI agent (collection <c>agent_state</c>).</summary>
public sealed class AgentState
{
    /// <summary>The decision history keeps the last 100 entries ($push with $slice: -100).</summary>
    public const int DecisionHistoryLimit = 100;

    public ObjectId Id { get; set; }

    public AgentType AgentType { get; set; }

    public string AgentId { get; set; } = "";

    public AgentRuntimeState State { get; set; } = new();

    public List<AgentDecision> DecisionHistory { get; set; } = [];

    public AgentMetrics Metrics { get; set; } = new();

    public List<AgentLearning> Learnings { get; set; } = [];

    /// <summary>Knowledge area → version in use, e.g. "objection-handlers" → "v2.03" (see knowledge_base).</summary>
    public Dictionary<string, string> KnowledgeVersions { get; set; } = [];

    public DateTime UpdatedAt { get; set; }
}

public sealed class AgentRuntimeState
{
    public DateTime? LastKnowledgeRefresh { get; set; }

    public int ActiveContexts { get; set; }

    public int CachedPrompts { get; set; }

    public double CacheHitRate { get; set; }
}

public sealed class AgentDecision
{
    public DateTime Timestamp { get; set; }

    public string Decision { get; set; } = "";

    public string? Input { get; set; }

    public string? Reasoning { get; set; }

    public string? Output { get; set; }

    public string? Outcome { get; set; }

    public double Confidence { get; set; }
}

public sealed class AgentMetrics
{
    public long TotalRequests { get; set; }

    public long SuccessfulRequests { get; set; }

    public long FailedRequests { get; set; }

    /// <summary>Milliseconds.</summary>
    public double AvgResponseTime { get; set; }

    public double AvgConfidence { get; set; }

    public long KnowledgeBaseHits { get; set; }

    public long KnowledgeBaseMisses { get; set; }

    public double KnowledgeBaseHitRate { get; set; }

    public long DecisionsOverridden { get; set; }

    public long FeedbackIncorporated { get; set; }

    public decimal CostSavings { get; set; }

    public decimal TotalCost { get; set; }
}

public sealed class AgentLearning
{
    public DateTime Timestamp { get; set; }

    public string Source { get; set; } = "";

    public ObjectId? CallId { get; set; }

    public string Insight { get; set; } = "";

    public bool Incorporated { get; set; }

    public string? ImprovedMetric { get; set; }

    public double? Improvement { get; set; }
}
