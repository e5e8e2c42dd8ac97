namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>OP_MSG flagBits. Bits 0-15 are "required": a receiver must reject a message carrying one it does not know.</summary>
[Flags]
internal enum OpMsgFlags : uint
{
    None = 0,

    /// <summary>A CRC-32C of the whole message (header included) follows the last section.</summary>
    ChecksumPresent = 1 << 0,

    /// <summary>The sender will not wait for a reply: the request is fire-and-forget.</summary>
    MoreToCome = 1 << 1,

    /// <summary>The client accepts a stream of replies; optional, so we may answer one reply per request.</summary>
    ExhaustAllowed = 1 << 16,

    KnownRequiredBits = ChecksumPresent | MoreToCome,

    RequiredBitsMask = 0xFFFF,
}
