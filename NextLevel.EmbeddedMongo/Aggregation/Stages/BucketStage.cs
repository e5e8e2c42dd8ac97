using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Accumulators;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// $bucket: groups by which [boundary[i], boundary[i+1]) range the groupBy value falls in; values outside go to the
/// default bucket (or fail without one). Buckets come out sorted by _id; empty buckets are not emitted.
/// </summary>
internal sealed class BucketStage(Expr groupBy, BsonValue[] boundaries, BsonValue? fallback, IReadOnlyList<AccumulatorField> output) : Stage
{
    public override string Name => "$bucket";

    public static Stage Parse(BsonValue spec)
    {
        if (spec is not BsonDocument document)
            throw MongoError.Location(40201, $"Argument to $bucket stage must be an object, but found type: {ExprValues.TypeName(spec)}.");
        Expr? groupBy = null;
        BsonArray? boundaries = null;
        BsonValue? fallback = null;
        IReadOnlyList<AccumulatorField>? output = null;
        foreach (var element in document)
        {
            switch (element.Name)
            {
                case "groupBy":
                    groupBy = ParseGroupBy("$bucket", element.Value, 40202);
                    break;
                case "boundaries":
                    boundaries = element.Value as BsonArray
                        ?? throw MongoError.Location(40200, $"The $bucket 'boundaries' field must be an array, but found type: {ExprValues.TypeName(element.Value)}.");
                    break;
                case "default":
                    fallback = element.Value;
                    break;
                case "output":
                    output = ParseOutput("$bucket", element.Value, 40196);
                    break;
                default:
                    throw MongoError.Location(40197, $"Unrecognized option to $bucket: {element.Name}.");
            }
        }
        if (groupBy is null || boundaries is null)
            throw MongoError.Location(40198, "$bucket requires 'groupBy' and 'boundaries' to be specified.");
        ValidateBoundaries(boundaries, fallback);
        return new BucketStage(groupBy, boundaries.ToArray(), fallback, output ?? DefaultOutput());
    }

    internal static Expr ParseGroupBy(string stage, BsonValue spec, int code)
    {
        var valid = spec is BsonString { Value: ['$', ..] } || (spec is BsonDocument d && d.ElementCount == 1 && d.GetElement(0).Name.StartsWith('$'));
        if (!valid)
            throw MongoError.Location(code, $"The {stage} 'groupBy' field must be defined as a $-prefixed path or an expression, but found: {spec.ToJson()}.");
        return Expr.Parse(spec);
    }

    internal static IReadOnlyList<AccumulatorField> ParseOutput(string stage, BsonValue spec, int code)
    {
        if (spec is not BsonDocument document)
            throw MongoError.Location(code, $"The {stage} 'output' field must be an object, but found type: {ExprValues.TypeName(spec)}.");
        return document.Select(GroupStage.ParseField).ToList();
    }

    internal static IReadOnlyList<AccumulatorField> DefaultOutput() => [AccumulatorTable.Parse("count", new BsonDocument("$sum", 1))];

    private static void ValidateBoundaries(BsonArray boundaries, BsonValue? fallback)
    {
        if (boundaries.Count < 2)
            throw MongoError.Location(40192, $"The $bucket 'boundaries' field must have at least 2 values, but found {boundaries.Count} value(s).");
        for (var i = 1; i < boundaries.Count; i++)
        {
            if (BsonTypeOrder.RankOf(boundaries[i]) != BsonTypeOrder.RankOf(boundaries[i - 1]))
                throw MongoError.Location(40193, $"All values in the the 'boundaries' option to $bucket must have the same type. Found conflicting types {ExprValues.TypeName(boundaries[i - 1])} and {ExprValues.TypeName(boundaries[i])}.");
            if (BsonValueComparer.Instance.Compare(boundaries[i - 1], boundaries[i]) >= 0)
                throw MongoError.Location(40194, $"The 'boundaries' option to $bucket must be sorted in ascending order, but elements {i - 1} and {i} are not in ascending order ({boundaries[i - 1].ToJson()} is not less than {boundaries[i].ToJson()}).");
        }
        if (fallback is not null && BsonTypeOrder.RankOf(fallback) == BsonTypeOrder.RankOf(boundaries[0])
            && BsonValueComparer.Instance.Compare(fallback, boundaries[0]) >= 0
            && BsonValueComparer.Instance.Compare(fallback, boundaries[^1]) < 0)
            throw MongoError.Location(40199, "The $bucket 'default' field must be less than the lowest boundary or greater than or equal to the highest boundary.");
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        var buckets = new Dictionary<BsonValue, Accumulator[]>(BsonValueComparer.Instance!);
        var context = runtime.NewContext();
        foreach (var document in input)
        {
            context.Reset(document);
            var key = BucketOf(groupBy.Evaluate(context));
            if (!buckets.TryGetValue(key, out var accumulators))
            {
                accumulators = output.Select(f => f.Create()).ToArray();
                buckets.Add(key, accumulators);
            }
            foreach (var accumulator in accumulators) accumulator.Accumulate(context);
        }
        foreach (var key in buckets.Keys.OrderBy(k => k, BsonValueComparer.Instance))
            yield return GroupStage.Output(key, buckets[key], output);
    }

    private BsonValue BucketOf(BsonValue? value)
    {
        var comparer = BsonValueComparer.Instance;
        if (value is not null && comparer.Compare(value, boundaries[0]) >= 0 && comparer.Compare(value, boundaries[^1]) < 0)
        {
            // The last boundary not above the value starts its bucket.
            var low = 0;
            var high = boundaries.Length - 1;
            while (high - low > 1)
            {
                var middle = (low + high) / 2;
                if (comparer.Compare(value, boundaries[middle]) >= 0) low = middle;
                else high = middle;
            }
            return boundaries[low];
        }
        return fallback ?? throw MongoError.Location(40066, "$switch could not find a matching branch for an input, and no default was specified.");
    }
}
