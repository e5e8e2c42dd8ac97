using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Planner;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Engine.Queries;

/// <summary>
/// A covered aggregation (MongoDB's covered IXSCAN feeding $group): <c>[{ $match }, { $group: { _id: constant, ... } }]</c>
/// whose accumulators are <c>$sum</c>, <c>$avg</c>, <c>$min</c> or <c>$max</c> of field paths (or <c>{ $sum: 1 }</c>),
/// when one index answers the $match exactly and holds every path the accumulators read. Each matching document is
/// then a small document built from its index key, not a fetched one. A missing field's key is null, which these
/// accumulators ignore exactly as they ignore a missing field.
/// </summary>
internal sealed record CoveredGroup(BsonDocument Filter, BsonArray GroupStage, IReadOnlyList<string> Paths)
{
    private static readonly HashSet<string> Accumulators = new(["$sum", "$avg", "$min", "$max"], StringComparer.Ordinal);

    public static CoveredGroup? TryParse(BsonArray stages)
    {
        if (stages.Count != 2 || stages[0] is not BsonDocument { ElementCount: 1 } match || stages[1] is not BsonDocument { ElementCount: 1 } group) return null;
        if (match.GetElement(0) is not { Name: "$match", Value: BsonDocument filter } || filter.ElementCount == 0) return null;
        if (group.GetElement(0) is not { Name: "$group", Value: BsonDocument spec }) return null;
        var paths = new List<string>();
        foreach (var element in spec)
        {
            if (element.Name == "_id")
            {
                if (element.Value is BsonDocument or BsonArray || element.Value is BsonString { Value: var id } && id.StartsWith('$')) return null;
                continue;
            }
            if (element.Value is not BsonDocument { ElementCount: 1 } accumulator || !Accumulators.Contains(accumulator.GetElement(0).Name)) return null;
            switch (accumulator[0])
            {
                case BsonString { Value: var path } when path.Length > 1 && path[0] == '$' && !path.StartsWith("$$", StringComparison.Ordinal):
                    paths.Add(path[1..]);
                    break;
                case BsonInt32 { Value: 1 } when accumulator.GetElement(0).Name == "$sum":
                    break;
                default:
                    return null;
            }
        }
        return paths.Count == 0 ? null : new CoveredGroup(filter, [group], paths.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>The documents the $group reads, built from index keys; null when no index covers the query. Call under the read lock.</summary>
    public List<BsonDocument>? ReadKeys(CollectionStore collection)
    {
        if (CountScan.FindExact(collection, Filter, Paths) is not var (index, bounds)) return null;
        var positions = Paths.Select(path => Array.IndexOf(index.Pattern.Paths, path)).ToArray();
        var documents = new List<BsonDocument>();
        foreach (var entry in IndexScan.Entries(index, bounds))
        {
            var document = new BsonDocument();
            for (var i = 0; i < Paths.Count; i++)
            {
                var value = entry.ValueAt(positions[i]);
                if (!value.IsBsonNull) Set(document, Paths[i], value);
            }
            documents.Add(document);
        }
        return documents;
    }

    private static void Set(BsonDocument document, string path, BsonValue value)
    {
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (document.GetValue(parts[i], BsonNull.Value) is not BsonDocument child)
            {
                child = [];
                document[parts[i]] = child;
            }
            document = child;
        }
        document[parts[^1]] = value;
    }
}
