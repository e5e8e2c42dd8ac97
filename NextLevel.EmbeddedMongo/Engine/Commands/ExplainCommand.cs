using System.Diagnostics;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine.Queries;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Engine;

public sealed partial class MongoEngine
{
    /// <summary>
    /// explain of find, count, distinct or aggregate: queryPlanner.winningPlan shows the IXSCAN or COLLSCAN the
    /// query uses; verbosity executionStats/allPlansExecution also runs it and reports counts.
    /// </summary>
    [MongoCommand("explain")]
    private ValueTask<BsonDocument> ExplainAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var explained = command.OptionalDocument("explain") is { ElementCount: > 0 } inner
            ? inner
            : throw MongoError.FailedToParse("explain command requires a nested object");
        var verbosity = command.OptionalString("verbosity") ?? "allPlansExecution";
        if (verbosity is not ("queryPlanner" or "executionStats" or "allPlansExecution"))
            throw MongoError.FailedToParse($"verbosity string must be one of {{'queryPlanner', 'executionStats', 'allPlansExecution'}}");

        var reply = explained.CommandName() switch
        {
            "find" => ExplainFind(context, explained, verbosity),
            "count" => ExplainFiltered(context, explained, explained.OptionalDocument("query") ?? [], verbosity),
            "distinct" => ExplainFiltered(context, explained, explained.OptionalDocument("query") ?? [], verbosity),
            "aggregate" => ExplainAggregate(context, explained, verbosity),
            var other => throw new MongoError(ErrorCode.CommandNotFound, $"explain is not supported for '{other}' by this server"),
        };
        reply.Set("command", explained);
        reply.Add("serverInfo", new BsonDocument { { "host", HostInfo.Host }, { "port", HostInfo.Port }, { "version", ServerVersion } });
        reply.Add("ok", 1.0);
        return ValueTask.FromResult(reply);
    }

    private BsonDocument ExplainFind(CommandContext context, BsonDocument find, string verbosity)
    {
        var collectionName = find.CollectionName(context.Database);
        var request = FindRequest.Parse(find);
        var snapshot = Storage.Read(reader =>
            CollectionSnapshot.Capture(reader.Collection(context.Database, collectionName), request.Filter, request.Sort, request.Hint));
        var winningPlan = snapshot.WinningPlan(request.Filter, request.Sort, request.Projection is not null, request.Skip, request.Limit);
        var reply = ExplainReply(context.Database, collectionName, request.Filter, winningPlan);
        if (verbosity != "queryPlanner")
        {
            var now = Time.GetUtcNow().UtcDateTime;
            var query = request.ToQuery(snapshot.FilterOptions(find.LetVariables(now), now), snapshot.ProvidesSort);
            var watch = Stopwatch.StartNew();
            var returned = query.Run(snapshot.Documents).LongCount();
            reply.Add("executionStats", ExecutionStats(returned, watch.ElapsedMilliseconds, snapshot, winningPlan));
        }
        return reply;
    }

    /// <summary>count and distinct explain as the filtered read they perform.</summary>
    private BsonDocument ExplainFiltered(CommandContext context, BsonDocument explained, BsonDocument filterSpec, string verbosity)
    {
        var collectionName = explained.CollectionName(context.Database);
        var hint = explained.GetValue("hint", BsonNull.Value);
        var snapshot = Storage.Read(reader =>
            CollectionSnapshot.Capture(reader.Collection(context.Database, collectionName), filterSpec, null, hint.IsBsonNull ? null : hint));
        var winningPlan = snapshot.WinningPlan(filterSpec, null, hasProjection: false, skip: 0, limit: null);
        var reply = ExplainReply(context.Database, collectionName, filterSpec, winningPlan);
        if (verbosity != "queryPlanner")
        {
            var query = new DocumentQuery { Filter = Filter.Parse(filterSpec, snapshot.FilterOptions(null, Time.GetUtcNow().UtcDateTime)) };
            var watch = Stopwatch.StartNew();
            var returned = query.Matches(snapshot.Documents).LongCount();
            reply.Add("executionStats", ExecutionStats(returned, watch.ElapsedMilliseconds, snapshot, winningPlan));
        }
        return reply;
    }

    private BsonDocument ExplainAggregate(CommandContext context, BsonDocument aggregate, string verbosity)
    {
        var request = AggregateRequest.Parse(aggregate, context.Database);
        var snapshot = request.Collection is null
            ? null
            : Storage.Read(reader => CollectionSnapshot.Capture(reader.Collection(context.Database, request.Collection), request.LeadingMatch, request.LeadingSort, request.Hint));
        long? returned = null;
        if (verbosity != "queryPlanner" && snapshot is not null)
        {
            var now = Time.GetUtcNow().UtcDateTime;
            var filter = Filter.Parse(request.LeadingMatch, snapshot.FilterOptions(aggregate.LetVariables(now), now));
            returned = new DocumentQuery { Filter = filter }.Matches(snapshot.Documents).LongCount();
        }
        var reply = AggregateExplain(context.Database, request, snapshot, verbosity, returned);
        reply.Remove("ok");
        return reply;
    }

    private static BsonDocument ExplainReply(string database, string collection, BsonDocument filter, BsonDocument winningPlan) => new()
    {
        { "explainVersion", "1" },
        {
            "queryPlanner", new BsonDocument
            {
                { "namespace", database + "." + collection },
                { "indexFilterSet", false },
                { "parsedQuery", filter },
                { "maxIndexedOrSolutionsReached", false },
                { "maxIndexedAndSolutionsReached", false },
                { "maxScansToExplodeReached", false },
                { "winningPlan", winningPlan },
                { "rejectedPlans", new BsonArray() },
            }
        },
    };

    /// <summary>The keys and documents the plan read while the snapshot was taken, and what the query returned.</summary>
    private static BsonDocument ExecutionStats(long returned, long elapsedMilliseconds, CollectionSnapshot snapshot, BsonDocument winningPlan) => new()
    {
        { "executionSuccess", true },
        { "nReturned", returned },
        { "executionTimeMillis", elapsedMilliseconds },
        { "totalKeysExamined", snapshot.Plan?.KeysExamined ?? 0 },
        { "totalDocsExamined", snapshot.Plan?.DocsExamined ?? 0 },
        { "executionStages", winningPlan },
    };
}
