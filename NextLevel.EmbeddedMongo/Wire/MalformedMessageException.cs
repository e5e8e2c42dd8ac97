namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>
/// A frame that cannot be a valid message (bad length, unknown opcode, bad BSON, bad section, checksum mismatch).
/// The connection it arrived on is closed; other connections are unaffected.
/// </summary>
internal sealed class MalformedMessageException(string message, Exception? inner = null) : Exception(message, inner);
