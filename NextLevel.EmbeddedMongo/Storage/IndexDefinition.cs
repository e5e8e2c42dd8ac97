using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Indexes;

namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>An index as createIndexes describes it and listIndexes lists it. [Immutable - ThreadSafe]</summary>
public sealed class IndexDefinition
{
    public const string IdIndexName = "_id_";

    public required string Name { get; init; }

    public required BsonDocument Key { get; init; }

    public bool Unique { get; init; }

    public bool Sparse { get; init; }

    public BsonDocument? PartialFilterExpression { get; init; }

    public int? ExpireAfterSeconds { get; init; }

    /// <summary>A hidden index is maintained (and enforces uniqueness) but the planner does not use it.</summary>
    public bool Hidden { get; init; }

    /// <summary>Text index only: field (dotted path, or <c>$**</c>) to weight.</summary>
    public IReadOnlyDictionary<string, int>? TextWeights { get; init; }

    public string DefaultLanguage { get; init; } = "english";

    public string LanguageOverride { get; init; } = "language";

    public bool IsText => TextWeights is not null;

    public bool IsIdIndex => Name == IdIndexName;

    /// <summary>The implicit unique index every collection has on <c>_id</c>.</summary>
    public static IndexDefinition IdIndex { get; } = new() { Name = IdIndexName, Key = new BsonDocument("_id", 1), Unique = true };

    /// <summary>Parses one createIndexes spec; throws MongoError (BadValue, CannotCreateIndex 67, ...).</summary>
    public static IndexDefinition FromSpec(BsonDocument spec) => IndexSpecParser.Parse(spec);

    /// <summary>The document listIndexes returns: <c>{ v: 2, key, name, unique?, ... }</c>.</summary>
    public BsonDocument ToListIndexesDocument()
    {
        var document = new BsonDocument { { "v", 2 }, { "key", IsText ? TextKeyAsListed() : Key.DeepClone() }, { "name", Name } };
        if (Unique && !IsIdIndex) document.Add("unique", true);
        if (Sparse) document.Add("sparse", true);
        if (PartialFilterExpression is not null) document.Add("partialFilterExpression", PartialFilterExpression.DeepClone());
        if (ExpireAfterSeconds is { } seconds) document.Add("expireAfterSeconds", seconds);
        if (Hidden) document.Add("hidden", true);
        if (TextWeights is not null)
        {
            var weights = new BsonDocument();
            foreach (var (field, weight) in TextWeights.OrderBy(pair => pair.Key, StringComparer.Ordinal)) weights.Add(field, weight);
            document.Add("weights", weights);
            document.Add("default_language", DefaultLanguage);
            document.Add("language_override", LanguageOverride);
            document.Add("textIndexVersion", 3);
        }
        return document;
    }

    /// <summary>The spec as createIndexes received it (journal and checkpoints store indexes this way).</summary>
    public BsonDocument ToSpec()
    {
        var spec = ToListIndexesDocument();
        spec["key"] = Key.DeepClone();
        return spec;
    }

    /// <summary>True when <paramref name="keyPattern"/> names this index (as given, or as listIndexes shows a text index).</summary>
    public bool HasKeyPattern(BsonDocument keyPattern) =>
        SameDocument(Key, keyPattern) || (IsText && SameDocument(TextKeyAsListed(), keyPattern));

    /// <summary>Same key pattern and same partial filter: MongoDB treats these as the same index.</summary>
    internal bool HasSameIdentity(IndexDefinition other) =>
        SameDocument(Key, other.Key) && SameDocument(PartialFilterExpression, other.PartialFilterExpression);

    internal bool HasSameOptions(IndexDefinition other) =>
        Unique == other.Unique
        && Sparse == other.Sparse
        && ExpireAfterSeconds == other.ExpireAfterSeconds
        && Hidden == other.Hidden
        && SameDocument(PartialFilterExpression, other.PartialFilterExpression)
        && SameWeights(TextWeights, other.TextWeights)
        && DefaultLanguage == other.DefaultLanguage
        && LanguageOverride == other.LanguageOverride;

    /// <summary>This definition with collMod's changes to expireAfterSeconds and hidden applied.</summary>
    internal IndexDefinition With(int? expireAfterSeconds, bool? hidden) => new()
    {
        Name = Name,
        Key = Key,
        Unique = Unique,
        Sparse = Sparse,
        PartialFilterExpression = PartialFilterExpression,
        ExpireAfterSeconds = expireAfterSeconds ?? ExpireAfterSeconds,
        Hidden = hidden ?? Hidden,
        TextWeights = TextWeights,
        DefaultLanguage = DefaultLanguage,
        LanguageOverride = LanguageOverride,
    };

    private BsonDocument TextKeyAsListed()
    {
        // MongoDB lists a text index as its non-text prefix fields, then _fts/_ftsx, then its suffix fields.
        var listed = new BsonDocument();
        var textAdded = false;
        foreach (var element in Key)
        {
            if (element.Value.IsString && element.Value.AsString == "text")
            {
                if (textAdded) continue;
                listed.Add("_fts", "text");
                listed.Add("_ftsx", 1);
                textAdded = true;
            }
            else
            {
                listed.Add(element.Name, element.Value);
            }
        }
        return listed;
    }

    private static bool SameDocument(BsonDocument? x, BsonDocument? y) =>
        x is null || y is null ? x is null && y is null : BsonValueComparer.Instance.Equals(x, y);

    private static bool SameWeights(IReadOnlyDictionary<string, int>? x, IReadOnlyDictionary<string, int>? y) =>
        x is null || y is null
            ? x is null && y is null
            : x.Count == y.Count && x.All(pair => y.TryGetValue(pair.Key, out var weight) && weight == pair.Value);
}
