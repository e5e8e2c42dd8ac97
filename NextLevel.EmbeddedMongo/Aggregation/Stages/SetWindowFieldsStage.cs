using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Aggregation.Stages.Windows;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// $setWindowFields: partitions the input (ordered by partition key, then sortBy, stably) and adds fields computed
/// over a window of each document's partition: accumulators over documents/range windows, $rank, $denseRank,
/// $documentNumber, $shift and $locf.
/// </summary>
internal sealed class SetWindowFieldsStage(Expr? partitionBy, SortSpec? sortBy, IReadOnlyList<WindowField> fields) : Stage
{
    public override string Name => "$setWindowFields";

    public static Stage Parse(BsonValue spec)
    {
        if (spec is not BsonDocument document)
            throw MongoError.FailedToParse($"the $setWindowFields stage specification must be an object, found {ExprValues.TypeName(spec)}");
        Expr? partitionBy = null;
        SortSpec? sortBy = null;
        BsonDocument? output = null;
        foreach (var element in document)
        {
            switch (element.Name)
            {
                case "partitionBy": partitionBy = Expr.Parse(element.Value); break;
                case "sortBy":
                    sortBy = SortSpec.Parse(element.Value as BsonDocument
                        ?? throw MongoError.TypeMismatch($"BSON field '$setWindowFields.sortBy' is the wrong type '{ExprValues.TypeName(element.Value)}', expected type 'object'"));
                    break;
                case "output":
                    output = element.Value as BsonDocument
                        ?? throw MongoError.TypeMismatch($"BSON field '$setWindowFields.output' is the wrong type '{ExprValues.TypeName(element.Value)}', expected type 'object'");
                    break;
                default:
                    throw MongoError.Location(40415, $"BSON field '$setWindowFields.{element.Name}' is an unknown field.");
            }
        }
        if (output is null) throw MongoError.Location(40414, "BSON field '$setWindowFields.output' is missing but a required field");
        var fields = output.Select(e => WindowField.Parse(e.Name, e.Value, sortBy is not null)).ToList();
        foreach (var field in fields)
        {
            if (field.Bounds.ByRange && sortBy!.Keys.Count != 1)
                throw MongoError.Location(5339902, "Range-based window requires sortBy a single field");
        }
        return new SetWindowFieldsStage(partitionBy, sortBy, fields);
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        var context = runtime.NewContext();
        foreach (var partition in Partitioner.Partition(input, partitionBy, sortBy, context))
        {
            foreach (var document in Compute(partition, context)) yield return document;
        }
    }

    private IEnumerable<BsonDocument> Compute(List<BsonDocument> partition, ExprContext context)
    {
        var values = new BsonValue?[fields.Count][];
        for (var f = 0; f < fields.Count; f++) values[f] = ComputeField(fields[f], partition, context);
        for (var i = 0; i < partition.Count; i++)
        {
            var document = partition[i];
            for (var f = 0; f < fields.Count; f++)
            {
                var value = values[f][i];
                document = value is null ? DocumentPaths.Without(document, fields[f].Path) : DocumentPaths.With(document, fields[f].Path, value);
            }
            yield return document;
        }
    }

    private BsonValue?[] ComputeField(WindowField field, List<BsonDocument> partition, ExprContext context)
    {
        var results = new BsonValue?[partition.Count];
        switch (field.Kind)
        {
            case WindowFunctionKind.Rank:
            case WindowFunctionKind.DenseRank:
            case WindowFunctionKind.DocumentNumber:
                var keys = partition.Select(d => sortBy!.ExtractKey(d)).ToList();
                var rank = 0;
                for (var i = 0; i < partition.Count; i++)
                {
                    var tied = i > 0 && sortBy!.CompareKeys(keys[i], keys[i - 1]) == 0;
                    rank = field.Kind switch
                    {
                        WindowFunctionKind.DocumentNumber => i + 1,
                        WindowFunctionKind.Rank => tied ? rank : i + 1,
                        _ => tied ? rank : rank + 1,
                    };
                    results[i] = rank;
                }
                return results;
            case WindowFunctionKind.Shift:
                var fallback = field.Default?.Evaluate(context) ?? BsonNull.Value;
                for (var i = 0; i < partition.Count; i++)
                {
                    var target = i + field.ShiftBy;
                    if (target < 0 || target >= partition.Count) results[i] = fallback;
                    else
                    {
                        context.Reset(partition[target]);
                        results[i] = field.Argument!.Evaluate(context) ?? BsonNull.Value;
                    }
                }
                return results;
            case WindowFunctionKind.Locf:
                BsonValue? last = BsonNull.Value;
                for (var i = 0; i < partition.Count; i++)
                {
                    context.Reset(partition[i]);
                    var value = field.Argument!.Evaluate(context);
                    if (!ExprValues.IsNullish(value)) last = value;
                    results[i] = last;
                }
                return results;
            default:
                return Accumulate(field, partition, context);
        }
    }

    private BsonValue?[] Accumulate(WindowField field, List<BsonDocument> partition, ExprContext context)
    {
        var results = new BsonValue?[partition.Count];
        if (field.Bounds.IsWholePartition)
        {
            // One pass serves every document of the partition.
            var whole = RunWindow(field, partition, 0, partition.Count - 1, context);
            Array.Fill(results, whole);
            return results;
        }
        var sortValues = field.Bounds.ByRange
            ? partition.Select(d => DocumentPaths.Get(d, sortBy!.Keys[0].Path.Split('.'))).ToList()
            : null;
        for (var i = 0; i < partition.Count; i++)
        {
            var (from, to) = field.Bounds.PositionsFor(i, partition.Count, sortValues);
            results[i] = RunWindow(field, partition, from, to, context);
        }
        return results;
    }

    private static BsonValue RunWindow(WindowField field, List<BsonDocument> partition, int from, int to, ExprContext context)
    {
        var accumulator = field.Accumulator!.Create();
        for (var j = from; j <= to; j++)
        {
            context.Reset(partition[j]);
            accumulator.Accumulate(context);
        }
        return accumulator.Result() ?? BsonNull.Value;
    }
}
