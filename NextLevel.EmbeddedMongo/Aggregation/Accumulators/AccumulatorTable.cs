using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Aggregation.Accumulators;

/// <summary>Parses <c>field: { $accumulator: argument }</c> of $group, $bucket and $bucketAuto.</summary>
internal static class AccumulatorTable
{
    public static AccumulatorField Parse(string field, BsonValue spec)
    {
        if (spec is not BsonDocument document || document.ElementCount == 0 || !document.GetElement(0).Name.StartsWith('$'))
            throw MongoError.Location(40234, $"The field '{field}' must be an accumulator object");
        if (document.ElementCount != 1)
            throw MongoError.Location(40238, $"The field '{field}' must specify one accumulator");
        var (op, argument) = (document.GetElement(0).Name, document.GetElement(0).Value);
        if (argument is BsonArray && op is not ("$push" or "$addToSet" or "$first" or "$last"))
            throw MongoError.Location(40237, $"The {op} accumulator is a unary operator");
        return new AccumulatorField(field, op, Factory(op, argument));
    }

    private static Func<Accumulator> Factory(string op, BsonValue argument)
    {
        switch (op)
        {
            case "$sum": { var e = Expr.Parse(argument); return () => new SumAccumulator(e); }
            case "$avg": { var e = Expr.Parse(argument); return () => new AvgAccumulator(e); }
            case "$min": { var e = Expr.Parse(argument); return () => new ExtremeAccumulator(e, max: false); }
            case "$max": { var e = Expr.Parse(argument); return () => new ExtremeAccumulator(e, max: true); }
            case "$first": { var e = Expr.Parse(argument); return () => new FirstLastAccumulator(e, first: true); }
            case "$last": { var e = Expr.Parse(argument); return () => new FirstLastAccumulator(e, first: false); }
            case "$push": { var e = Expr.Parse(argument); return () => new PushAccumulator(e); }
            case "$addToSet": { var e = Expr.Parse(argument); return () => new AddToSetAccumulator(e); }
            case "$mergeObjects": { var e = Expr.Parse(argument); return () => new MergeObjectsAccumulator(e); }
            case "$stdDevPop": { var e = Expr.Parse(argument); return () => new StdDevAccumulator(e, sample: false); }
            case "$stdDevSamp": { var e = Expr.Parse(argument); return () => new StdDevAccumulator(e, sample: true); }
            case "$count":
                CountAccumulator.ValidateSpec(argument);
                return () => new CountAccumulator();
            case "$firstN":
            case "$lastN":
            {
                var (input, n) = InputAndCount(op, argument);
                var first = op == "$firstN";
                return () => new FirstLastNAccumulator(input, n, first);
            }
            case "$maxN":
            case "$minN":
            {
                var (input, n) = InputAndCount(op, argument);
                var max = op == "$maxN";
                return () => new ExtremeNAccumulator(input, n, max);
            }
            case "$top":
            case "$bottom":
            case "$topN":
            case "$bottomN":
                return TopBottom(op, argument);
            case "$accumulator":
            case "$function":
                throw new MongoError(ErrorCode.NotImplemented, $"{op} (server-side JavaScript) is not supported by NextLevel.EmbeddedMongo");
            default:
                throw MongoError.Location(15952, $"unknown group operator '{op}'");
        }
    }

    private static BsonDocument RequireDocument(string op, BsonValue argument) =>
        argument as BsonDocument ?? throw MongoError.Location(5787801, $"specification must be an object; found {op}: {argument.ToJson()}");

    private static (Expr Input, CountArgument N) InputAndCount(string op, BsonValue argument)
    {
        var spec = RequireDocument(op, argument);
        Expr? input = null, n = null;
        foreach (var element in spec)
        {
            if (element.Name == "input") input = Expr.Parse(element.Value);
            else if (element.Name == "n") n = Expr.Parse(element.Value);
            else throw MongoError.Location(5787901, $"Unknown argument for 'n' operator: {element.Name}");
        }
        if (input is null) throw MongoError.Location(5787907, $"Missing value for 'input' in {op}");
        if (n is null) throw MongoError.Location(5787906, $"Missing value for 'n' in {op}");
        return (input, new CountArgument(n));
    }

    private static Func<Accumulator> TopBottom(string op, BsonValue argument)
    {
        var spec = RequireDocument(op, argument);
        var withN = op is "$topN" or "$bottomN";
        Expr? output = null, n = null;
        SortSpec? sortBy = null;
        foreach (var element in spec)
        {
            switch (element.Name)
            {
                case "output": output = Expr.Parse(element.Value); break;
                case "sortBy":
                    sortBy = SortSpec.Parse(element.Value as BsonDocument
                        ?? throw MongoError.Location(5788604, $"{op} sortBy must be an object"));
                    break;
                case "n" when withN: n = Expr.Parse(element.Value); break;
                default: throw MongoError.Location(5788002, $"Unknown argument to {op} '{element.Name}'");
            }
        }
        if (output is null) throw MongoError.Location(5788004, $"Missing value for 'output' in {op}");
        if (sortBy is null) throw MongoError.Location(5788005, $"Missing value for 'sortBy' in {op}");
        if (withN && n is null) throw MongoError.Location(5788003, $"Missing value for 'n' in {op}");
        var count = n is null ? null : new CountArgument(n);
        var top = op is "$top" or "$topN";
        return () => new TopBottomAccumulator(sortBy, output, count, top);
    }
}
