using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine.Queries;
using NextLevel.EmbeddedMongo.Planner;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Engine;

public sealed partial class MongoEngine
{
    /// <summary>count: <c>{ count, query, skip, limit, hint }</c> → <c>{ n }</c>; a missing collection counts 0.</summary>
    [MongoCommand("count")]
    private ValueTask<BsonDocument> CountAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var collectionName = command.CollectionName(context.Database);
        var filterSpec = command.OptionalDocument("query") ?? [];
        var skip = command.OptionalLong("skip") ?? 0;
        if (skip < 0) throw MongoError.Location(51024, $"BSON field 'skip' value must be >= 0, actual value '{skip}'");
        var limit = Math.Abs(command.OptionalLong("limit") ?? 0);
        var hint = command.GetValue("hint", BsonNull.Value);
        CommandArguments.RequireSimpleCollation(command.GetValue("collation", BsonNull.Value));

        long n;
        if (filterSpec.ElementCount == 0 && hint.IsBsonNull)
        {
            // The whole collection: its count is known without reading a document.
            n = Storage.Read(reader => reader.Collection(context.Database, collectionName)?.Count ?? 0);
        }
        else if (hint.IsBsonNull && Storage.Read(reader => reader.Collection(context.Database, collectionName) is { } collection ? CountScan.TryCount(collection, filterSpec) : 0) is { } counted)
        {
            n = counted;
        }
        else
        {
            var snapshot = Storage.Read(reader =>
                CollectionSnapshot.Capture(reader.Collection(context.Database, collectionName), filterSpec, null, hint.IsBsonNull ? null : hint));
            var filter = Filter.Parse(filterSpec, snapshot.FilterOptions(null, Time.GetUtcNow().UtcDateTime));
            n = new DocumentQuery { Filter = filter }.Matches(snapshot.Documents).LongCount();
        }
        n = Math.Max(0, n - skip);
        if (limit > 0) n = Math.Min(n, limit);
        return ValueTask.FromResult(new BsonDocument { { "n", n > int.MaxValue ? n : (BsonValue)(int)n }, { "ok", 1.0 } });
    }

    /// <summary>distinct: the distinct values of <c>key</c> among documents matching <c>query</c>; array values count per element.</summary>
    [MongoCommand("distinct")]
    private ValueTask<BsonDocument> DistinctAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var collectionName = command.CollectionName(context.Database);
        var key = command.OptionalString("key") ?? throw new MongoError(ErrorCode.Location40414, "BSON field 'distinct.key' is missing but a required field");
        var filterSpec = command.OptionalDocument("query") ?? [];
        var hint = command.GetValue("hint", BsonNull.Value);
        CommandArguments.RequireSimpleCollation(command.GetValue("collation", BsonNull.Value));

        var snapshot = Storage.Read(reader =>
            CollectionSnapshot.Capture(reader.Collection(context.Database, collectionName), filterSpec, null, hint.IsBsonNull ? null : hint));
        var filter = Filter.Parse(filterSpec, snapshot.FilterOptions(null, Time.GetUtcNow().UtcDateTime));

        var values = new SortedSet<BsonValue>(BsonValueComparer.Instance);
        foreach (var match in new DocumentQuery { Filter = filter }.Matches(snapshot.Documents))
        {
            foreach (var value in FieldValues.Of(match.Document, key))
            {
                if (value is BsonArray array)
                {
                    foreach (var element in array) values.Add(element);
                }
                else
                {
                    values.Add(value);
                }
            }
        }
        return ValueTask.FromResult(new BsonDocument { { "values", new BsonArray(values) }, { "ok", 1.0 } });
    }
}
