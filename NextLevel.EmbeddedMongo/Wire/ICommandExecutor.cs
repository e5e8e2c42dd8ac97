using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>What the protocol layer needs from the engine: run one command, get its reply. [ThreadSafe]</summary>
internal interface ICommandExecutor
{
    ValueTask<BsonDocument> ExecuteAsync(BsonDocument command, CommandContext context, CancellationToken cancellationToken);
}
