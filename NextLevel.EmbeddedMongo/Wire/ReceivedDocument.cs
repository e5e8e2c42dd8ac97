using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>
/// A document of an OP_MSG <c>documents</c> sequence (insert's payload) that also keeps the exact BSON it was read
/// from, so an insert that stores it unchanged writes those bytes instead of serialising the document again.
/// The bytes are a private copy (never the pooled receive buffer). They describe the document as received: whoever
/// changes the document must not use them (the insert path only uses them when nothing was changed).
/// </summary>
internal sealed class ReceivedDocument(byte[] bytes) : BsonDocument
{
    public byte[] Bytes { get; } = bytes;
}
