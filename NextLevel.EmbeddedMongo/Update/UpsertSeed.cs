using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Update;

/// <summary>
/// The starting document of an upsert: the filter's equality conditions (<c>field: value</c>,
/// <c>field: { $eq: value }</c>, also inside <c>$and</c>), with dotted paths as nested documents.
/// Other conditions ($or, $in, $gt, regular expressions, ...) say nothing definite and are left out.
/// </summary>
internal static class UpsertSeed
{
    public static BsonDocument FromFilter(BsonDocument filter)
    {
        var equalities = new SortedDictionary<string, BsonValue>(StringComparer.Ordinal);
        Collect(filter, equalities);

        var seed = new BsonDocument();
        foreach (var (path, value) in equalities) SetAtPath(seed, path.Split('.'), value.DeepClone());
        return seed;
    }

    /// <summary>Only the filter's _id equality, which a replacement-style upsert keeps.</summary>
    public static BsonValue? IdOf(BsonDocument filter)
    {
        var equalities = new SortedDictionary<string, BsonValue>(StringComparer.Ordinal);
        Collect(filter, equalities);
        return equalities.GetValueOrDefault(IdField.Name);
    }

    private static void Collect(BsonDocument filter, SortedDictionary<string, BsonValue> equalities)
    {
        foreach (var element in filter)
        {
            if (element.Name == "$and" && element.Value is BsonArray clauses)
            {
                foreach (var clause in clauses.OfType<BsonDocument>()) Collect(clause, equalities);
            }
            else if (!element.Name.StartsWith('$') && EqualityValue(element.Value) is { } value)
            {
                Add(equalities, element.Name, value);
            }
        }
    }

    /// <summary>The value a condition pins the field to, or null. A DBRef (<c>{$ref, $id}</c>) is a plain value.</summary>
    private static BsonValue? EqualityValue(BsonValue condition)
    {
        if (condition is BsonDocument operators && operators.ElementCount > 0 && operators.GetElement(0).Name.StartsWith('$')
            && operators.GetElement(0).Name != "$ref")
        {
            return operators.TryGetValue("$eq", out var equal) ? equal : null;
        }
        return condition.BsonType == BsonType.RegularExpression ? null : condition;
    }

    private static void Add(SortedDictionary<string, BsonValue> equalities, string path, BsonValue value)
    {
        foreach (var existing in equalities.Keys)
        {
            if (existing == path)
            {
                throw NotSingleValue($"cannot infer query fields to set, path '{path}' is matched twice");
            }
            if (path.StartsWith(existing + ".", StringComparison.Ordinal))
            {
                throw NotSingleValue($"cannot infer query fields to set, both paths '{path}' and '{existing}' are matched");
            }
            if (existing.StartsWith(path + ".", StringComparison.Ordinal))
            {
                throw NotSingleValue($"cannot infer query fields to set, both paths '{existing}' and '{path}' are matched");
            }
        }
        equalities.Add(path, value);
    }

    private static void SetAtPath(BsonDocument document, string[] parts, BsonValue value)
    {
        var current = document;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (current.TryGetValue(parts[i], out var child) && child is BsonDocument nested)
            {
                current = nested;
                continue;
            }
            var created = new BsonDocument();
            current[parts[i]] = created;
            current = created;
        }
        current[parts[^1]] = value;
    }

    private static MongoError NotSingleValue(string message) => new(ErrorCode.NotSingleValueField, message);
}
