using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Accumulators;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// $bucketAuto: sorts by the groupBy value and cuts it into (about) equally sized buckets, never splitting equal
/// values; _id is { min, max } where max is the next bucket's min (the last bucket's own maximum at the end).
/// With a granularity, boundaries are rounded to the series and values below a rounded boundary join its bucket.
/// </summary>
internal sealed class BucketAutoStage(Expr groupBy, int buckets, IReadOnlyList<AccumulatorField> output, GranularityRounder? granularity) : Stage
{
    public override string Name => "$bucketAuto";

    public static Stage Parse(BsonValue spec)
    {
        if (spec is not BsonDocument document)
            throw MongoError.Location(40240, $"The argument to $bucketAuto must be an object, but found type: {ExprValues.TypeName(spec)}.");
        Expr? groupBy = null;
        int? buckets = null;
        IReadOnlyList<AccumulatorField>? output = null;
        GranularityRounder? granularity = null;
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
                    granularity = GranularityRounder.Parse(element.Value);
                    break;
                default:
                    throw MongoError.Location(40245, $"Unrecognized option to $bucketAuto: {element.Name}.");
            }
        }
        if (groupBy is null || buckets is null)
            throw MongoError.Location(40246, "$bucketAuto requires 'groupBy' and 'buckets' to be specified");
        return new BucketAutoStage(groupBy, buckets.Value, output ?? BucketStage.DefaultOutput(), granularity);
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
        var ranges = new List<(int Start, int End, BsonValue Min, BsonValue Max)>();
        var start = 0;
        while (start < sorted.Count)
        {
            var end = ranges.Count == buckets - 1 ? sorted.Count : Math.Min(start + approximateSize, sorted.Count);
            var max = sorted[end - 1].Value;
            if (end < sorted.Count)
            {
                if (granularity is null)
                {
                    while (end < sorted.Count && comparer.Equals(sorted[end].Value, max)) end++;
                }
                else
                {
                    var boundary = granularity.RoundUp(max);
                    while (end < sorted.Count && comparer.Compare(boundary, sorted[end].Value) > 0) end++;
                    max = end < sorted.Count ? boundary : sorted[end - 1].Value;
                }
            }
            var min = sorted[start].Value;
            if (ranges.Count > 0)
            {
                // Boundaries are shared: a bucket's max is the next one's min.
                var previous = ranges[^1];
                if (granularity is null) ranges[^1] = previous with { Max = min };
                else
                {
                    if (Numeric.IsNumber(previous.Max) && Numeric.ToDouble(previous.Max) == 0) previous = previous with { Max = granularity.RoundDown(min) };
                    ranges[^1] = previous;
                    min = previous.Max;
                }
            }
            ranges.Add((start, end, min, max));
            start = end;
        }
        if (granularity is not null)
        {
            ranges[0] = ranges[0] with { Min = granularity.RoundDown(ranges[0].Min) };
            ranges[^1] = ranges[^1] with { Max = granularity.RoundUp(ranges[^1].Max) };
        }

        foreach (var (from, to, min, max) in ranges)
        {
            var accumulators = output.Select(f => f.Create()).ToArray();
            for (var i = from; i < to; i++)
            {
                context.Reset(sorted[i].Document);
                foreach (var accumulator in accumulators) accumulator.Accumulate(context);
            }
            yield return GroupStage.Output(new BsonDocument { { "min", min }, { "max", max } }, accumulators, output);
        }
    }
}
