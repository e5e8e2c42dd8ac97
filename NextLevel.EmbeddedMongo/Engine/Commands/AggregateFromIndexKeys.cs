using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation;
using NextLevel.EmbeddedMongo.Engine.Queries;
using NextLevel.EmbeddedMongo.Planner;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Engine;

public sealed partial class MongoEngine
{
    /// <summary>
    /// Two pipeline shapes answered without reading documents: countDocuments' <see cref="CountPipeline"/> (from the
    /// collection's count or an index's keys, COUNT_SCAN) and a <see cref="CoveredGroup"/> (its $group fed from index
    /// keys). Null when the pipeline is neither, or no index answers it: the caller then runs it over documents.
    /// </summary>
    private BsonDocument? AnswerFromIndexKeys(CommandContext context, BsonDocument command, AggregateRequest request,
        IReadOnlyDictionary<string, BsonValue>? variables, DateTime now)
    {
        if (request.Explain || request.Hint is not null || request.Collection is not { } name) return null;

        if (request.BatchSize is not 0 && CountPipeline.TryParse(request.Stages) is { } count
            && Storage.Read(reader => reader.Collection(context.Database, name) is { } collection ? CountOf(collection, count.Filter) : 0) is { } n)
        {
            return CursorReply(context.Database, name, "firstBatch", count.Result(n), 0);
        }

        if (CoveredGroup.TryParse(request.Stages) is { } covered
            && Storage.Read(reader => reader.Collection(context.Database, name) is { } collection ? covered.ReadKeys(collection) : []) is { } keys)
        {
            var group = Pipeline.Parse(covered.GroupStage, new AggregationContext { Database = context.Database, Host = new SnapshotAggregationHost(Storage), Variables = variables, Now = now });
            var (batch, cursorId) = Cursors.Open(context.Database, name, context, SessionIdOf(command), group.Execute(keys), request.BatchSize, singleBatch: false);
            return CursorReply(context.Database, name, "firstBatch", batch, cursorId);
        }
        return null;
    }

    /// <summary>A count the collection or an index answers without reading documents (null when neither can).</summary>
    private static long? CountOf(CollectionStore collection, BsonDocument filter) =>
        filter.ElementCount == 0 ? collection.Count : CountScan.TryCount(collection, filter);
}
