using NextLevel.EmbeddedMongo.Bson;
using System.Text.RegularExpressions;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Update;

/// <summary>
/// The <c>arrayFilters</c> of an update, by identifier. Each filter's top-level fields start with its identifier
/// (<c>{ "elem.grade": { $gte: 85 } }</c>, <c>{ elem: { $gt: 3 } }</c>); an array element is selected when
/// <c>{ identifier: element }</c> matches the filter. Immutable after parsing.
/// </summary>
internal sealed partial class ArrayFilterSet
{
    private readonly Dictionary<string, Filter> _filters;

    private ArrayFilterSet(Dictionary<string, Filter> filters) => _filters = filters;

    public static ArrayFilterSet Empty { get; } = new([]);

    public static ArrayFilterSet Parse(BsonArray? arrayFilters, IReadOnlyDictionary<string, BsonValue>? variables)
    {
        if (arrayFilters is null || arrayFilters.Count == 0) return Empty;
        var filters = new Dictionary<string, Filter>(StringComparer.Ordinal);
        foreach (var entry in arrayFilters)
        {
            if (entry is not BsonDocument spec)
            {
                throw MongoError.TypeMismatch($"Each array filter must be an object, found {Bson.BsonTypeNames.Of(entry)}");
            }
            var identifier = IdentifierOf(spec)
                ?? throw MongoError.FailedToParse("Cannot use an expression without a top-level field name in arrayFilters");
            if (!IdentifierPattern().IsMatch(identifier))
            {
                throw MongoError.BadValue(
                    $"Error parsing array filter :: caused by :: The top-level field name must be an alphanumeric string beginning with a lowercase letter, found '{identifier}'");
            }
            if (filters.ContainsKey(identifier))
            {
                throw MongoError.FailedToParse($"Found multiple array filters with the same top-level field name {identifier}");
            }
            filters.Add(identifier, Filter.Parse(spec, new FilterOptions { Variables = variables }));
        }
        return new ArrayFilterSet(filters);
    }

    public bool Contains(string identifier) => _filters.ContainsKey(identifier);

    public IEnumerable<string> Identifiers => _filters.Keys;

    public bool Matches(string identifier, BsonValue element) =>
        _filters[identifier].Matches(new BsonDocument(identifier, element));

    /// <summary>The single identifier the filter's top-level paths share (looking inside $and/$or/$nor), or null if none.</summary>
    private static string? IdentifierOf(BsonDocument spec)
    {
        string? found = null;
        foreach (var name in TopLevelNames(spec))
        {
            var identifier = name.Split('.')[0];
            if (found is not null && found != identifier)
            {
                throw MongoError.FailedToParse(
                    $"Error parsing array filter :: caused by :: Expected a single top-level field name, found '{found}' and '{identifier}'");
            }
            found = identifier;
        }
        return found;
    }

    private static IEnumerable<string> TopLevelNames(BsonDocument spec)
    {
        foreach (var element in spec)
        {
            if (element.Name is "$and" or "$or" or "$nor" && element.Value is BsonArray clauses)
            {
                foreach (var clause in clauses.OfType<BsonDocument>())
                {
                    foreach (var name in TopLevelNames(clause)) yield return name;
                }
            }
            else if (!element.Name.StartsWith('$'))
            {
                yield return element.Name;
            }
        }
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex IdentifierPattern();
}
