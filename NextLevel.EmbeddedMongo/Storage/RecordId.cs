namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>The storage identity of a document in its collection: assigned in increasing order, kept by replaces.</summary>
public readonly record struct RecordId(long Value);
