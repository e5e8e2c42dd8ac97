using MongoDB.Bson;

namespace NextLevel.Domain.Knowledge;

/// <summary>
/// One versioned entry of the agents' knowledge (collection <c>knowledge_base</c>). An area such as
/// "objection-handlers" has many entries per version; agent_state.knowledgeVersions names the version each agent uses.
/// A new version adds entries and never edits a published one, so any past call can be explained.
/// </summary>
public sealed class KnowledgeEntry
{
    public ObjectId Id { get; set; }

    /// <summary>conversation-patterns, objection-handlers, market-intelligence.</summary>
    public string Area { get; set; } = "";

    /// <summary>"v2.03".</summary>
    public string Version { get; set; } = "";

    /// <summary>Stable key within the area, e.g. "not_interested".</summary>
    public string Key { get; set; } = "";

    public string Title { get; set; } = "";

    public string Content { get; set; } = "";

    public List<string> Tags { get; set; } = [];

    /// <summary>How well this entry performed (e.g. objection resolved rate), 0..1.</summary>
    public double? Effectiveness { get; set; }

    public DateTime PublishedAt { get; set; }

    public string PublishedBy { get; set; } = "system";
}
