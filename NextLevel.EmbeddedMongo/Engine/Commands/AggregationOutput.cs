using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation;

namespace NextLevel.EmbeddedMongo.Engine;

public sealed partial class MongoEngine
{
    /// <summary>Writes the documents a pipeline produced into the target of its terminal $out or $merge.</summary>
    private Task WriteAggregationOutputAsync(OutputStage output, List<BsonDocument> documents, bool bypassDocumentValidation, CancellationToken cancellationToken) =>
        throw new MongoError(ErrorCode.NotImplemented, $"aggregation output to {output.Database}.{output.Collection} is not supported ({documents.Count} documents, bypass {bypassDocumentValidation}, {cancellationToken.IsCancellationRequested})");
}
