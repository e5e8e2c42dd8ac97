using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Accumulators;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// $bucketAuto: sorts by the groupBy value and cuts it into (about) equally sized buckets, never splitting equal
/// values; _id is { min, max } where max is the next bucket's min (the last bucket's own maximum at the end).
/// </summary>
internal sealed class BucketAutoStage(Expr groupBy, int buckets, IReadOnlyList<AccumulatorField> output) : Stage
{
    public override string Name => "$bucketAuto";

    public static Stage Parse(BsonValue spec)
    {
        if (spec is not BsonDocument document)
            throw MongoError.Location(40240, $"The argument to $bucketAuto must be an object, but found type: {ExprValues.TypeName(spec)}.");
        Expr? groupBy = null;
        int? buckets = null;
        IReadOnlyList<AccumulatorField>? output = null;
        foreach (var element in document)
        {
            switch (element.Name)
            {
                case "groupBy":
                    groupBy = BucketStage.ParseGroupBy("$bucketAuto", element.Value, 40239);
                    break;
                case "buckets":
                    if (!Numeric.TryGetInt(element.Value, out var n))
                        throw MongoError.Location(40241, $"The $bucketAuto 'buckets' field must be a numeric value, but found type: {ExprValues.TypeName(element.Value)}.");
                    if (n <= 0) throw MongoError.Location(40243, $"The $bucketAuto 'buckets' field must be greater than 0, but found: {n}.");
                    buckets = n;
                    break;
                case "output":
                    output = BucketStage.ParseOutput("$bucketAuto", element.Value, 40244);
                    break;
                case "granularity":
                    throw new MongoError(ErrorCode.NotImplemented, "$bucketAuto 'granularity' is not supported by NextLevel.EmbeddedMongo");
                default:
                    throw MongoError.Location(40245, $"Unrecognized option to $bucketAuto: {element.Name}.");
            }
        }
        if (groupBy is null || buckets is null)
            throw MongoError.Location(40246, "$bucketAuto requires 'groupBy' and 'buckets' to be specified");
        return new BucketAutoStage(groupBy, buckets.Value, output ?? BucketStage.DefaultOutput());
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        var context = runtime.NewContext();
        var sorted = new List<(BsonValue Value, BsonDocument Document)>();
        foreach (var document in input)
        {
            context.Reset(document);
            sorted.Add((groupBy.Evaluate(context) ?? BsonNull.Value, document));
        }
        if (sorted.Count == 0) yield break;
        var comparer = BsonValueComparer.Instance;
        sorted = sorted.OrderBy(item => item.Value, comparer).ToList();

        var approximateSize = Math.Max(1, (int)Math.Round((double)sorted.Count / buckets, MidpointRounding.AwayFromZero));
        var ranges = new List<(int Start, int End)>();
        var start = 0;
        while (start < sorted.Count)
        {
            var end = ranges.Count == buckets - 1 ? sorted.Count : Math.Min(start + approximateSize, sorted.Count);
            while (end < sorted.Count && comparer.Equals(sorted[end].Value, sorted[end - 1].Value)) end++;
            ranges.Add((start, end));
            start = end;
        }

        for (var b = 0; b < ranges.Count; b++)
        {
            var (from, to) = ranges[b];
            var accumulators = output.Select(f => f.Create()).ToArray();
            for (var i = from; i < to; i++)
            {
                context.Reset(sorted[i].Document);
                foreach (var accumulator in accumulators) accumulator.Accumulate(context);
            }
            var max = b + 1 < ranges.Count ? sorted[ranges[b + 1].Start].Value : sorted[to - 1].Value;
            var id = new BsonDocument { { "min", sorted[from].Value }, { "max", max } };
            yield return GroupStage.Output(id, accumulators, output);
        }
    }
}
