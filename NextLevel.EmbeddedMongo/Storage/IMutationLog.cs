using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>Receives every catalog mutation, in order, while the write lock is held (the journal).</summary>
internal interface IMutationLog
{
    /// <summary>Assigns the record its log sequence number, buffers it, and returns the LSN.</summary>
    long Append(BsonDocument record);
}
