using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// $fill: replaces null or missing output fields per partition (in sortBy order) with a computed value, the last
/// non-null value (locf), or a linear interpolation on the single sortBy field between the surrounding values.
/// </summary>
internal sealed class FillStage(Expr? partitionBy, SortSpec? sortBy, IReadOnlyList<(string[] Path, string Method, Expr? Value)> outputs) : Stage
{
    public override string Name => "$fill";

    public static Stage Parse(BsonValue spec)
    {
        if (spec is not BsonDocument document)
            throw MongoError.FailedToParse($"$fill specification must be an object, found {ExprValues.TypeName(spec)}");
        Expr? partitionBy = null;
        SortSpec? sortBy = null;
        BsonDocument? output = null;
        foreach (var element in document)
        {
            switch (element.Name)
            {
                case "partitionBy":
                    if (partitionBy is not null) throw MongoError.Location(6050204, "Maximum one of 'partitionBy' and 'partitionByFields' can be specified in '$fill'");
                    partitionBy = Expr.Parse(element.Value);
                    break;
                case "partitionByFields":
                    if (partitionBy is not null) throw MongoError.Location(6050204, "Maximum one of 'partitionBy' and 'partitionByFields' can be specified in '$fill'");
                    if (element.Value is not BsonArray fields || !fields.All(f => f is BsonString))
                        throw MongoError.TypeMismatch("BSON field '$fill.partitionByFields' must be an array of strings");
                    partitionBy = Expr.Parse(new BsonDocument(fields.Select(f => new BsonElement(f.AsString.Replace('.', '_'), "$" + f.AsString))));
                    break;
                case "sortBy":
                    sortBy = SortSpec.Parse(element.Value as BsonDocument ?? throw MongoError.TypeMismatch("BSON field '$fill.sortBy' must be an object"));
                    break;
                case "output":
                    output = element.Value as BsonDocument ?? throw MongoError.TypeMismatch("BSON field '$fill.output' must be an object");
                    break;
                default:
                    throw MongoError.Location(40415, $"BSON field '$fill.{element.Name}' is an unknown field.");
            }
        }
        if (output is null || output.ElementCount == 0) throw MongoError.Location(40414, "BSON field '$fill.output' is missing but a required field");
        var outputs = new List<(string[], string, Expr?)>();
        foreach (var field in output)
        {
            if (field.Value is not BsonDocument { ElementCount: 1 } method)
                throw MongoError.Location(6050203, $"Exactly one of 'value' or 'method' must be specified in '$fill' output field '{field.Name}'");
            var (kind, argument) = (method.GetElement(0).Name, method.GetElement(0).Value);
            if (kind == "value")
            {
                outputs.Add((field.Name.Split('.'), "value", Expr.Parse(argument)));
                continue;
            }
            if (kind != "method" || argument is not BsonString { Value: "locf" or "linear" } name)
                throw MongoError.Location(6050202, $"Method must be either 'locf' or 'linear' in '$fill' output field '{field.Name}'");
            if (sortBy is null) throw MongoError.Location(6050201, "'sortBy' field is required when 'method' is specified in '$fill'");
            if (name.Value == "linear" && sortBy.Keys.Count != 1)
                throw MongoError.Location(605001, "$fill with method 'linear' requires sortBy with exactly one field");
            outputs.Add((field.Name.Split('.'), name.Value, null));
        }
        return new FillStage(partitionBy, sortBy, outputs);
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        var context = runtime.NewContext();
        foreach (var partition in Partitioner.Partition(input, partitionBy, sortBy, context))
        {
            var documents = partition.ToArray();
            foreach (var (path, method, value) in outputs)
            {
                switch (method)
                {
                    case "value": FillWithValue(documents, path, value!, context); break;
                    case "locf": FillForward(documents, path); break;
                    default: FillLinear(documents, path, sortBy!.Keys[0].Path.Split('.')); break;
                }
            }
            foreach (var document in documents) yield return document;
        }
    }

    private static bool NeedsFill(BsonDocument document, string[] path) => ExprValues.IsNullish(DocumentPaths.Get(document, path));

    private static void FillWithValue(BsonDocument[] documents, string[] path, Expr value, ExprContext context)
    {
        for (var i = 0; i < documents.Length; i++)
        {
            if (!NeedsFill(documents[i], path)) continue;
            context.Reset(documents[i]);
            documents[i] = DocumentPaths.With(documents[i], path, value.Evaluate(context) ?? BsonNull.Value);
        }
    }

    private static void FillForward(BsonDocument[] documents, string[] path)
    {
        BsonValue? last = null;
        for (var i = 0; i < documents.Length; i++)
        {
            var current = DocumentPaths.Get(documents[i], path);
            if (!ExprValues.IsNullish(current)) last = current;
            else if (last is not null) documents[i] = DocumentPaths.With(documents[i], path, last);
        }
    }

    /// <summary>Values between two known points take the straight line through them, by position on the sort field.</summary>
    private static void FillLinear(BsonDocument[] documents, string[] path, string[] sortPath)
    {
        var previous = -1;
        for (var i = 0; i < documents.Length; i++)
        {
            if (NeedsFill(documents[i], path)) continue;
            if (previous >= 0 && i - previous > 1)
            {
                var (x0, y0) = (Coordinate(documents[previous], sortPath), DocumentPaths.Get(documents[previous], path));
                var (x1, y1) = (Coordinate(documents[i], sortPath), DocumentPaths.Get(documents[i], path));
                if (!Numeric.IsNumber(y0) || !Numeric.IsNumber(y1))
                    throw MongoError.Location(6050106, "Value to be filled by 'linear' method must be numeric");
                for (var j = previous + 1; j < i; j++)
                {
                    var x = Coordinate(documents[j], sortPath);
                    var y = Numeric.ToDouble(y0!) + (Numeric.ToDouble(y1!) - Numeric.ToDouble(y0!)) * (x - x0) / (x1 - x0);
                    documents[j] = DocumentPaths.With(documents[j], path, new BsonDouble(y));
                }
            }
            previous = i;
        }
    }

    private static double Coordinate(BsonDocument document, string[] sortPath) => DocumentPaths.Get(document, sortPath) switch
    {
        BsonDateTime date => date.MillisecondsSinceEpoch,
        var value when Numeric.IsNumber(value) => Numeric.ToDouble(value!),
        var value => throw MongoError.Location(6050105, $"The sortBy field of $fill with method 'linear' must be numeric or a date, found {ExprValues.TypeName(value)}"),
    };
}
