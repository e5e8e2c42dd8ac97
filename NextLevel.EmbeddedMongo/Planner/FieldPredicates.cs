using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;

namespace NextLevel.EmbeddedMongo.Planner;

/// <summary>
/// The index-usable conditions a filter puts on its field paths: top-level conjuncts (including <c>$and</c>) of
/// equality, <c>$eq</c>, <c>$in</c>, range operators, anchored regular expressions and the conditions inside <c>$elemMatch</c>. Anything else is ignored, which only widens the candidate
/// set (every candidate is re-checked by the filter). Values whose matching is subtler than a key comparison
/// (arrays, regular expressions, MinKey/MaxKey, undefined) are not used; a null equality is kept apart (see EqualsNull).
/// </summary>
internal sealed class FieldPredicates
{
    private readonly Dictionary<string, List<BsonValue>> _equalities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BsonValue[]>> _ins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FieldInterval>> _ranges = new(StringComparer.Ordinal);
    private readonly List<(string Path, BsonValue Condition)> _conjuncts = [];
    private readonly HashSet<string> _nullEqualities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Query.Predicates.RegexTest>> _regexes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldInterval[]> _rangeSets = new(StringComparer.Ordinal);

    private FieldPredicates() { }

    public static FieldPredicates From(BsonDocument filter)
    {
        var predicates = new FieldPredicates();
        predicates.AddConjuncts(filter);
        return predicates;
    }

    /// <summary>The raw top-level conditions by path (for matching partial index filters).</summary>
    public IReadOnlyList<(string Path, BsonValue Condition)> Conjuncts => _conjuncts;

    public bool HasAny(string path) => _equalities.ContainsKey(path) || _ins.ContainsKey(path) || _ranges.ContainsKey(path) || _nullEqualities.Contains(path);

    /// <summary>
    /// True when the filter requires the path to equal null (matching null and a missing field). Only an index with
    /// one key per document can answer that: its key for such a document is null.
    /// </summary>
    public bool EqualsNull(string path) => _nullEqualities.Contains(path);

    /// <summary>
    /// The regular expressions the path must match (any options, anchored or not). An index on the path can test
    /// them on its keys before fetching a document (MongoDB's IXSCAN with a key filter).
    /// </summary>
    /// <summary>Ranges one of which the path's value must fall in (a case-insensitive prefix's case variants), or null.</summary>
    public FieldInterval[]? RangeSetOn(string path) => _rangeSets.GetValueOrDefault(path);

    public IReadOnlyList<Query.Predicates.RegexTest> RegexesOn(string path) => _regexes.TryGetValue(path, out var tests) ? tests : [];

    /// <summary>A value the path must equal (the first usable one), or null.</summary>
    public BsonValue? EqualityOn(string path) => _equalities.TryGetValue(path, out var values) ? values[0] : null;

    /// <summary>The values of the smallest usable <c>$in</c> on the path, or null.</summary>
    public BsonValue[]? InOn(string path) => _ins.TryGetValue(path, out var lists) ? lists.MinBy(list => list.Length) : null;

    public IReadOnlyList<FieldInterval> RangesOn(string path) => _ranges.TryGetValue(path, out var ranges) ? ranges : [];

    private void AddConjuncts(BsonDocument filter)
    {
        foreach (var element in filter)
        {
            if (element.Name == "$and" && element.Value is BsonArray clauses)
            {
                foreach (var clause in clauses)
                {
                    if (clause is BsonDocument document) AddConjuncts(document);
                }
                continue;
            }
            if (element.Name.StartsWith('$')) continue;
            _conjuncts.Add((element.Name, element.Value));
            AddCondition(element.Name, element.Value);
        }
    }

    private void AddCondition(string path, BsonValue condition)
    {
        if (condition is BsonDocument operators && operators.ElementCount > 0 && operators.GetElement(0).Name.StartsWith('$'))
        {
            foreach (var op in operators)
            {
                switch (op.Name)
                {
                    case "$eq":
                        // $eq compares literally: { $eq: /re/ } matches the stored regex value, not strings.
                        if (IsKeyComparable(op.Value)) Add(_equalities, path, op.Value);
                        else if (op.Value.IsBsonNull) _nullEqualities.Add(path);
                        break;
                    case "$in" when op.Value is BsonArray values && values.Count > 0 && values.All(IsKeyComparable):
                        Add(_ins, path, values.ToArray());
                        break;
                    case "$gt":
                    case "$gte":
                    case "$lt":
                    case "$lte":
                        if (IsKeyComparable(op.Value)) Add(_ranges, path, RangeOf(op.Name, op.Value));
                        break;
                    case "$regex":
                        AddRegex(path, op.Value, operators.GetValue("$options", BsonString.Empty));
                        break;
                    case "$elemMatch" when op.Value is BsonDocument { ElementCount: > 0 } element:
                        // An element meeting the conditions gives the document a key meeting each of them in an
                        // index on path.field (or on path itself for operators on the elements), as MongoDB plans it.
                        if (element.GetElement(0).Name.StartsWith('$')) AddCondition(path, element);
                        else
                        {
                            foreach (var field in element)
                            {
                                if (!field.Name.StartsWith('$')) AddCondition(path + "." + field.Name, field.Value);
                            }
                        }
                        break;
                }
            }
            return;
        }
        if (IsKeyComparable(condition)) Add(_equalities, path, condition);
        else if (condition.IsBsonNull) _nullEqualities.Add(path);
        else if (condition is BsonRegularExpression regex) AddRegex(path, regex, BsonString.Empty);
    }

    private void AddRegex(string path, BsonValue regex, BsonValue options)
    {
        var (pattern, flags) = regex switch
        {
            BsonRegularExpression expression => (expression.Pattern, options.IsString && options.AsString.Length > 0 ? options.AsString : expression.Options),
            BsonString text => (text.Value, options.IsString ? options.AsString : string.Empty),
            _ => (null, string.Empty),
        };
        if (pattern is null) return;
        if (RegexPrefix.TryGetRange(pattern, flags, out var range)) Add(_ranges, path, range);
        else if (RegexPrefix.TryGetCaseInsensitiveRanges(pattern, flags, out var ranges)) _rangeSets.TryAdd(path, ranges);
        try
        {
            Add(_regexes, path, Query.Parsing.RegexFactory.CreateTest(pattern, flags));
        }
        catch (Engine.MongoError)
        {
            // An invalid pattern or option: the filter reports it when it is parsed; the plan does without the key test.
        }
    }

    private static FieldInterval RangeOf(string op, BsonValue value)
    {
        // Ranges are type-bracketed as in MongoDB: $gt: 5 matches numbers only.
        var rank = BsonTypeOrder.RankOf(value);
        return op switch
        {
            "$gt" => new FieldInterval(IndexBound.At(value, false), IndexBound.EndOf(rank)),
            "$gte" => new FieldInterval(IndexBound.At(value, true), IndexBound.EndOf(rank)),
            "$lt" => new FieldInterval(IndexBound.StartOf(rank), IndexBound.At(value, false)),
            _ => new FieldInterval(IndexBound.StartOf(rank), IndexBound.At(value, true)),
        };
    }

    /// <summary>True when "field matches value" is exactly "some index key of the document compares equal/in range".</summary>
    internal static bool IsKeyComparable(BsonValue value) =>
        value.BsonType is not (BsonType.Null or BsonType.Undefined or BsonType.Array or BsonType.RegularExpression or BsonType.MinKey or BsonType.MaxKey);

    private static void Add<T>(Dictionary<string, List<T>> map, string path, T value)
    {
        if (!map.TryGetValue(path, out var list))
        {
            list = [];
            map.Add(path, list);
        }
        list.Add(value);
    }
}
