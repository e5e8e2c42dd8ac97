using MongoDB.Bson;

namespace NextLevel.Domain.Configuration;

/// <summary>
/// One typed setting (collection <c>system_config</c>), e.g. "compliance.callingWindow" or "retention.transcripts",
/// with its change history. Values are documents so each setting keeps its own shape; <see cref="SystemSettings"/>
/// gives the typed views.
/// </summary>
public sealed class SystemConfigEntry
{
    public ObjectId Id { get; set; }

    /// <summary>Unique dotted key.</summary>
    public string Key { get; set; } = "";

    public BsonDocument Value { get; set; } = [];

    public string? Description { get; set; }

    /// <summary>Incremented on every change (optimistic concurrency).</summary>
    public int Version { get; set; } = 1;

    public List<ConfigChange> History { get; set; } = [];

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "system";
}

/// <summary>A previous value and who replaced it.</summary>
public sealed class ConfigChange
{
    public int Version { get; set; }

    public BsonDocument PreviousValue { get; set; } = [];

    public DateTime ChangedAt { get; set; }

    public string ChangedBy { get; set; } = "system";
}
