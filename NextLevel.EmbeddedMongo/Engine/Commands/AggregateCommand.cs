using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation;
using NextLevel.EmbeddedMongo.Engine.Queries;

namespace NextLevel.EmbeddedMongo.Engine;

public sealed partial class MongoEngine
{
    /// <summary>
    /// aggregate: runs the pipeline over a snapshot of the collection and returns a cursor; a terminal $out or
    /// $merge is written here after the pipeline has produced all its documents. The first $match (and $sort)
    /// decide the index plan that explain reports.
    /// </summary>
    [MongoCommand("aggregate")]
    private async ValueTask<BsonDocument> AggregateAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var request = AggregateRequest.Parse(command, context.Database);
        var now = Time.GetUtcNow().UtcDateTime;
        var variables = command.LetVariables(now);
        if (AnswerFromIndexKeys(context, command, request, variables, now) is { } answered) return answered;
        var host = new SnapshotAggregationHost(Storage);
        var (snapshot, textIndexFields) = request.Collection is null
            ? (null, null)
            : Storage.Read(reader =>
            {
                var collection = reader.Collection(context.Database, request.Collection);
                return (CollectionSnapshot.Capture(collection, request.LeadingMatch, request.LeadingSort, request.Hint), collection?.TextIndexFields);
            });
        // $text in the leading $match needs the collection's text index fields, as in find.
        var pipeline = Pipeline.Parse(request.Stages, new AggregationContext { Database = context.Database, Host = host, Variables = variables, Now = now, TextIndexFields = textIndexFields });
        if (request.Explain)
            return AggregateExplain(context.Database, request, snapshot, "queryPlanner", null);

        var fields = PipelineDependencies.Paths(request.Stages);
        var source = snapshot is null ? []
            : fields is null ? snapshot.Documents.Select(d => d.ToBsonDocument())
            : ReadFields(snapshot.Documents, new PipelineDependencies.FieldReader(fields));
        var results = pipeline.Execute(source);
        var cursorCollection = request.Collection ?? "$cmd.aggregate";

        if (pipeline.Output is { } output)
        {
            await WriteAggregationOutputAsync(output, [.. results], request.BypassDocumentValidation, cancellationToken);
            return CursorReply(context.Database, cursorCollection, "firstBatch", [], 0);
        }

        var (batch, cursorId) = Cursors.Open(context.Database, cursorCollection, context, SessionIdOf(command), results, request.BatchSize, singleBatch: false);
        return CursorReply(context.Database, cursorCollection, "firstBatch", batch, cursorId);
    }

    private static IEnumerable<BsonDocument> ReadFields(IEnumerable<Storage.StoredDocument> documents, PipelineDependencies.FieldReader reader) =>
        documents.Select(d => reader.Read(d.Bytes));

    /// <summary>Explain of an aggregation: the collection access ($cursor with its query plan) followed by the other stages.</summary>
    private static BsonDocument AggregateExplain(string database, AggregateRequest request, CollectionSnapshot? snapshot, string verbosity, long? returned)
    {
        var queryPlanner = new BsonDocument
        {
            { "namespace", database + "." + (request.Collection ?? "$cmd.aggregate") },
            { "indexFilterSet", false },
            { "parsedQuery", request.LeadingMatch },
            { "winningPlan", snapshot?.WinningPlan(request.LeadingMatch, request.LeadingSort, hasProjection: false, skip: 0, limit: null) ?? new BsonDocument("stage", "EOF") },
            { "rejectedPlans", new BsonArray() },
        };
        var cursorStage = new BsonDocument("queryPlanner", queryPlanner);
        if (verbosity != "queryPlanner" && returned is not null)
            cursorStage.Add("executionStats", new BsonDocument { { "executionSuccess", true }, { "nReturned", returned.Value } });
        var stages = new BsonArray { new BsonDocument("$cursor", cursorStage) };
        foreach (var stage in request.Stages) stages.Add(stage);
        return new BsonDocument
        {
            { "explainVersion", "1" },
            { "stages", stages },
            { "command", request.Command },
            { "ok", 1.0 },
        };
    }
}
