using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages.Windows;

internal enum BoundKind { Unbounded, Current, Offset }

/// <summary>One end of a window: unbounded, the current document, or an offset (positions or sort-key distance).</summary>
internal readonly record struct WindowBound(BoundKind Kind, BsonValue? Offset)
{
    public static WindowBound Parse(BsonValue value, bool range)
    {
        if (value is BsonString { Value: "unbounded" }) return new WindowBound(BoundKind.Unbounded, null);
        if (value is BsonString { Value: "current" }) return new WindowBound(BoundKind.Current, null);
        if (!range && Numeric.TryGetInt(value, out _)) return new WindowBound(BoundKind.Offset, value);
        if (range && Numeric.IsNumber(value)) return new WindowBound(BoundKind.Offset, value);
        throw MongoError.FailedToParse(range
            ? $"Range-based bounds expression must be a number or one of 'unbounded' or 'current', got {value.ToJson()}"
            : $"Numeric document-based bounds must be an integer, got {value.ToJson()}");
    }
}

/// <summary>
/// The window of a $setWindowFields output: documents [lower, upper] by position, or range [lower, upper] by the
/// distance of the (single) sort key, optionally in a date unit. The default is the whole partition. [Immutable - ThreadSafe]
/// </summary>
internal sealed class WindowBounds
{
    public static readonly WindowBounds WholePartition = new(false, new(BoundKind.Unbounded, null), new(BoundKind.Unbounded, null), null);

    private WindowBounds(bool byRange, WindowBound lower, WindowBound upper, DateUnit? unit)
    {
        ByRange = byRange;
        Lower = lower;
        Upper = upper;
        Unit = unit;
    }

    public bool ByRange { get; }

    public WindowBound Lower { get; }

    public WindowBound Upper { get; }

    public DateUnit? Unit { get; }

    public bool IsWholePartition => Lower.Kind == BoundKind.Unbounded && Upper.Kind == BoundKind.Unbounded;

    public static WindowBounds Parse(BsonValue spec)
    {
        if (spec is not BsonDocument document)
            throw MongoError.FailedToParse($"'window' field must be an object, got {ExprValues.TypeName(spec)}");
        BsonArray? documents = null, range = null;
        DateUnit? unit = null;
        foreach (var element in document)
        {
            switch (element.Name)
            {
                case "documents": documents = element.Value as BsonArray; break;
                case "range": range = element.Value as BsonArray; break;
                case "unit": unit = DateArgs.RequireUnit("$setWindowFields", element.Value); break;
                default: throw MongoError.FailedToParse($"'window' field can only contain 'documents' as the only argument or 'range' with an optional 'unit' field, found {element.Name}");
            }
        }
        if ((documents is null) == (range is null))
            throw MongoError.FailedToParse("'window' field must specify exactly one of 'documents' or 'range'");
        var bounds = documents ?? range!;
        if (bounds.Count != 2) throw MongoError.FailedToParse("Window bounds must be a 2-element array");
        if (documents is not null && unit is not null) throw MongoError.FailedToParse("'unit' is only valid with 'range' windows");
        var byRange = range is not null;
        var lower = WindowBound.Parse(bounds[0], byRange);
        var upper = WindowBound.Parse(bounds[1], byRange);
        if (lower.Kind == BoundKind.Offset && upper.Kind == BoundKind.Offset
            && BsonValueComparer.Instance.Compare(lower.Offset, upper.Offset) > 0)
            throw MongoError.Location(5339900, "Lower bound must not exceed upper bound");
        if (lower.Kind == BoundKind.Unbounded && upper.Kind == BoundKind.Unbounded) return WholePartition;
        return new WindowBounds(byRange, lower, upper, unit);
    }

    /// <summary>The positions [from, to] of the window of document <paramref name="index"/> (from &gt; to when empty).</summary>
    public (int From, int To) PositionsFor(int index, int count, IReadOnlyList<BsonValue?>? sortValues)
    {
        if (!ByRange)
        {
            var from = Lower.Kind switch { BoundKind.Unbounded => 0, BoundKind.Current => index, _ => index + Numeric.ToLong(Lower.Offset!) };
            var to = Upper.Kind switch { BoundKind.Unbounded => count - 1, BoundKind.Current => index, _ => index + Numeric.ToLong(Upper.Offset!) };
            return ((int)Math.Clamp(from, 0, count), (int)Math.Clamp(to, -1, count - 1));
        }
        var current = sortValues![index];
        var low = Lower.Kind == BoundKind.Offset ? Shift(current, Lower.Offset!) : current;
        var high = Upper.Kind == BoundKind.Offset ? Shift(current, Upper.Offset!) : current;
        var first = -1;
        var last = -2;
        for (var i = 0; i < count; i++)
        {
            var value = sortValues[i];
            var aboveLow = Lower.Kind == BoundKind.Unbounded || BsonValueComparer.Instance.Compare(value, low) >= 0;
            var belowHigh = Upper.Kind == BoundKind.Unbounded || BsonValueComparer.Instance.Compare(value, high) <= 0;
            if (!aboveLow || !belowHigh) continue;
            if (first < 0) first = i;
            last = i;
        }
        return first < 0 ? (0, -1) : (first, last);
    }

    private BsonValue Shift(BsonValue? value, BsonValue offset)
    {
        if (Unit is { } unit)
        {
            if (value is not BsonDateTime date)
                throw MongoError.Location(5429513, $"Invalid range: Expected the sortBy field to be a Date, but it was {ExprValues.TypeName(value)}");
            var amount = Numeric.ToLong(offset);
            return unit switch
            {
                DateUnit.Year or DateUnit.Quarter or DateUnit.Month =>
                    DateArgs.ToBson(ExprValues.ToDateTime(date).AddMonths((int)(amount * (unit == DateUnit.Year ? 12 : unit == DateUnit.Quarter ? 3 : 1)))),
                _ => new BsonDateTime(date.MillisecondsSinceEpoch + amount * DateArgs.UnitMillis(unit)),
            };
        }
        if (!Numeric.IsNumber(value))
            throw MongoError.Location(5429414, $"Invalid range: Expected the sortBy field to be a number, but it was {ExprValues.TypeName(value)}");
        return Numeric.Add(value!, offset);
    }
}
