using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>Receives every catalog mutation, in order, while the write lock is held (the journal).</summary>
internal interface IMutationLog
{
    /// <summary>Assigns the record its log sequence number, buffers it, and returns the LSN.</summary>
    long Append(BsonDocument record);

    /// <summary>
    /// Appends an insert or replace record <c>{ lsn, op, ns, rid, doc: BinData(0, document) }</c> encoded straight
    /// from the stored bytes (the same payload <see cref="Append"/> would write for that record, without building it).
    /// </summary>
    long AppendDocument(string op, string ns, long recordId, byte[] document);
}
