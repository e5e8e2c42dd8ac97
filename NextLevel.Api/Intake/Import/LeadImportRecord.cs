using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace NextLevel.Api.Intake.Import;

/// <summary>
/// A CSV import as stored (collection <c>lead_imports</c>, owned by intake, outside the twelve): the uploaded
/// file's GridFS id, who queued it, its state and the counters up to the last checkpoint. An import is only
/// acknowledged (202) once this record and the file are stored, so a restart resumes it instead of losing it.
/// </summary>
[BsonIgnoreExtraElements]
public sealed class LeadImportRecord
{
    [BsonId] public ObjectId Id { get; set; }

    /// <summary>The upload in the GridFS bucket <c>lead_import_files</c>.</summary>
    [BsonElement("fileId")] public ObjectId FileId { get; set; }

    [BsonElement("bytes")] public long Bytes { get; set; }

    [BsonElement("actor")] public string Actor { get; set; } = "";

    /// <summary>queued, running, completed or failed.</summary>
    [BsonElement("state")] public string State { get; set; } = LeadImportStates.Queued;

    [BsonElement("queuedAt")] public DateTime QueuedAt { get; set; }

    [BsonElement("startedAt"), BsonIgnoreIfNull] public DateTime? StartedAt { get; set; }

    [BsonElement("completedAt"), BsonIgnoreIfNull] public DateTime? CompletedAt { get; set; }

    /// <summary>The instance running it and until when its claim holds; an expired claim is taken over.</summary>
    [BsonElement("owner"), BsonIgnoreIfNull] public string? Owner { get; set; }

    [BsonElement("leaseUntil"), BsonIgnoreIfNull] public DateTime? LeaseUntil { get; set; }

    [BsonElement("progress")] public LeadImportProgress Progress { get; set; } = new();
}

/// <summary>Counters at a checkpoint: every row up to <see cref="RowsDoneThrough"/> is finished and counted, no row after it.</summary>
public sealed class LeadImportProgress
{
    /// <summary>The file's row number (the header is row 1) through which every row is finished.</summary>
    [BsonElement("rowsDoneThrough")] public int RowsDoneThrough { get; set; } = 1;

    [BsonElement("bytesRead")] public long BytesRead { get; set; }

    [BsonElement("rows")] public int Rows { get; set; }

    [BsonElement("created")] public int Created { get; set; }

    [BsonElement("duplicates")] public int Duplicates { get; set; }

    [BsonElement("failed")] public int Failed { get; set; }

    [BsonElement("errors")] public List<ImportRowError> Errors { get; set; } = [];

    [BsonElement("errorsTruncated")] public bool ErrorsTruncated { get; set; }

    /// <summary>Times the import was resumed after its runner stopped (a restart or a crash).</summary>
    [BsonElement("resumed")] public int Resumed { get; set; }
}

public static class LeadImportStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
