using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Accumulators;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages.Windows;

internal enum WindowFunctionKind { Accumulator, Rank, DenseRank, DocumentNumber, Shift, Locf }

/// <summary>One output of $setWindowFields: where it goes and which window function computes it. [Immutable - ThreadSafe]</summary>
internal sealed record WindowField(string[] Path, string Operator, WindowFunctionKind Kind, WindowBounds Bounds)
{
    public AccumulatorField? Accumulator { get; init; }

    public Expr? Argument { get; init; }

    public int ShiftBy { get; init; }

    public Expr? Default { get; init; }

    public static WindowField Parse(string name, BsonValue spec, bool hasSortBy)
    {
        if (spec is not BsonDocument document)
            throw MongoError.FailedToParse($"The field '{name}' must be an object");
        var window = document.GetValue("window", null);
        var functions = document.Where(e => e.Name != "window").ToList();
        if (functions.Count != 1 || !functions[0].Name.StartsWith('$'))
            throw MongoError.FailedToParse($"Expected a $-prefixed window function, found {document.ToJson()}");
        var (op, argument) = (functions[0].Name, functions[0].Value);
        var path = name.Split('.');
        var bounds = window is null ? WindowBounds.WholePartition : WindowBounds.Parse(window);
        if (!bounds.IsWholePartition && !hasSortBy)
            throw MongoError.Location(5339901, $"Window function {op} with a bounded window requires a sortBy");
        switch (op)
        {
            case "$rank":
            case "$denseRank":
            case "$documentNumber":
                if (!hasSortBy) throw MongoError.Location(5371602, $"{op} must be specified with a top level sortBy expression with exactly one element");
                if (window is not null) throw MongoError.Location(5371601, $"{op} does not accept a window argument");
                var kind = op == "$rank" ? WindowFunctionKind.Rank : op == "$denseRank" ? WindowFunctionKind.DenseRank : WindowFunctionKind.DocumentNumber;
                return new WindowField(path, op, kind, bounds);
            case "$shift":
                return ParseShift(path, argument, window, hasSortBy);
            case "$locf":
                if (window is not null) throw MongoError.FailedToParse("$locf does not accept a window argument");
                return new WindowField(path, op, WindowFunctionKind.Locf, bounds) { Argument = Expr.Parse(argument) };
            default:
                return new WindowField(path, op, WindowFunctionKind.Accumulator, bounds) { Accumulator = AccumulatorTable.Parse(name, new BsonDocument(op, argument)) };
        }
    }

    private static WindowField ParseShift(string[] path, BsonValue argument, BsonValue? window, bool hasSortBy)
    {
        if (!hasSortBy) throw MongoError.Location(5433602, "$shift requires a sortBy");
        if (window is not null) throw MongoError.Location(5433601, "$shift does not accept a window argument");
        if (argument is not BsonDocument spec) throw MongoError.FailedToParse("Argument to $shift must be an object");
        Expr? output = null, fallback = null;
        int? by = null;
        foreach (var element in spec)
        {
            switch (element.Name)
            {
                case "output": output = Expr.Parse(element.Value); break;
                case "by":
                    by = Numeric.TryGetInt(element.Value, out var n) ? n : throw MongoError.FailedToParse("'$shift:by' field must be an integer");
                    break;
                case "default":
                    fallback = Expr.Parse(element.Value);
                    if (!fallback.IsConstant) throw MongoError.FailedToParse("'$shift:default' expression must yield a constant value");
                    break;
                default: throw MongoError.FailedToParse($"Unknown argument in $shift: {element.Name}");
            }
        }
        if (output is null) throw MongoError.FailedToParse("$shift requires an 'output' expression");
        if (by is null) throw MongoError.FailedToParse("$shift requires 'by' as an integer value");
        return new WindowField(path, "$shift", WindowFunctionKind.Shift, WindowBounds.WholePartition) { Argument = output, ShiftBy = by.Value, Default = fallback };
    }
}
