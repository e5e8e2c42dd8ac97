using MongoDB.Bson;

namespace NextLevel.Domain.Persistence.Catalogue;

/// <summary>
/// One index as the catalogue wants it. The name is the one MongoDB derives from the keys
/// (<c>{ source: 1, externalId: 1 }</c> → <c>source_1_externalId_1</c>) unless given.
/// </summary>
public sealed record IndexSpec(BsonDocument Keys, string Name)
{
    public bool Unique { get; init; }

    public BsonDocument? PartialFilterExpression { get; init; }

    /// <summary>TTL in seconds (0 = expire at the date stored in the field).</summary>
    public int? ExpireAfterSeconds { get; init; }

    /// <summary>Text index field weights.</summary>
    public BsonDocument? Weights { get; init; }

    public static IndexSpec On(BsonDocument keys) => new(keys, DeriveName(keys));

    /// <summary>MongoDB's default index name: each key and its direction (or type) joined by underscores.</summary>
    public static string DeriveName(BsonDocument keys) =>
        string.Join('_', keys.Elements.Select(e => $"{e.Name}_{(e.Value.IsString ? e.Value.AsString : e.Value.ToInt32().ToString(System.Globalization.CultureInfo.InvariantCulture))}"));

    /// <summary>The createIndexes spec of this index.</summary>
    public BsonDocument ToCreateSpec()
    {
        var spec = new BsonDocument { { "key", Keys }, { "name", Name } };
        if (Unique) spec["unique"] = true;
        if (PartialFilterExpression is not null) spec["partialFilterExpression"] = PartialFilterExpression;
        if (ExpireAfterSeconds is not null) spec["expireAfterSeconds"] = ExpireAfterSeconds.Value;
        if (Weights is not null) spec["weights"] = Weights;
        return spec;
    }

    /// <summary>True when an index listed by listIndexes is this one (same keys and the options the catalogue sets).</summary>
    public bool Matches(BsonDocument listed)
    {
        var listedKeys = listed.GetValue("key", new BsonDocument()).AsBsonDocument;
        var keysMatch = Weights is null ? KeysEqual(Keys, listedKeys) : listedKeys.Contains("_fts");
        return keysMatch
            && listed.GetValue("unique", false).ToBoolean() == Unique
            && Equals(PartialFilterExpression, listed.GetValue("partialFilterExpression", BsonNull.Value) as BsonDocument)
            && (listed.TryGetValue("expireAfterSeconds", out var ttl) ? ttl.ToInt32() : (int?)null) == ExpireAfterSeconds
            && (Weights is null || WeightsEqual(Weights, listed.GetValue("weights", new BsonDocument()).AsBsonDocument));
    }

    internal static bool KeysEqual(BsonDocument expected, BsonDocument actual) =>
        expected.ElementCount == actual.ElementCount
        && expected.Elements.Zip(actual.Elements).All(p => p.First.Name == p.Second.Name
            && (p.First.Value.IsString ? p.First.Value == p.Second.Value : p.Second.Value.IsNumeric && p.First.Value.ToDouble() == p.Second.Value.ToDouble()));

    private static bool WeightsEqual(BsonDocument expected, BsonDocument actual) =>
        expected.ElementCount == actual.ElementCount
        && expected.Elements.All(e => actual.TryGetValue(e.Name, out var w) && w.ToDouble() == e.Value.ToDouble());
}
