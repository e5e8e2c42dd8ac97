using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>One decoded request: the command document plus what the reply must echo.</summary>
/// <param name="RequestId">The client's requestID, echoed as the reply's responseTo.</param>
/// <param name="OpCode"><see cref="WireOpCode.Msg"/> or <see cref="WireOpCode.Query"/>; the reply uses the matching format.</param>
/// <param name="Command">The command, with OP_MSG document sequences merged in as arrays.</param>
/// <param name="MoreToCome">The client wants no reply.</param>
/// <param name="Database">The target database: <c>$db</c> for OP_MSG (null when absent), the namespace prefix for OP_QUERY.</param>
internal sealed record WireRequest(int RequestId, WireOpCode OpCode, BsonDocument Command, bool MoreToCome, string? Database);
