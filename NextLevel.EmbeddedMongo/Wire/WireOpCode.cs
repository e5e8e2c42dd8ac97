namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>The opcodes of MongoDB's wire protocol that this server speaks.</summary>
internal enum WireOpCode
{
    /// <summary>Legacy reply, only sent in answer to <see cref="Query"/>.</summary>
    Reply = 1,

    /// <summary>Legacy query; drivers still use it for the first handshake on <c>admin.$cmd</c>.</summary>
    Query = 2004,

    /// <summary>Compressed wrapper; never sent to us because hello advertises no compressors.</summary>
    Compressed = 2012,

    /// <summary>The extensible message format every command uses.</summary>
    Msg = 2013,
}
