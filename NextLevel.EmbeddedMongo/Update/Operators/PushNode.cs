using NextLevel.EmbeddedMongo.Bson;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Update.Values;

namespace NextLevel.EmbeddedMongo.Update.Operators;

/// <summary><c>$push</c>: appends a value, or with <c>$each</c> several values, optionally at <c>$position</c>,
/// then <c>$sort</c>s and <c>$slice</c>s the whole array.</summary>
internal sealed class PushNode : ModifierNode
{
    private readonly BsonValue[] _values;
    private readonly long? _position;
    private readonly long? _slice;
    private readonly PushSort? _sort;

    private PushNode(BsonValue[] values, long? position, long? slice, PushSort? sort)
    {
        _values = values;
        _position = position;
        _slice = slice;
        _sort = sort;
    }

    public static PushNode Create(BsonValue argument)
    {
        if (argument is not BsonDocument clauses || !clauses.Contains("$each")) return new PushNode([argument], null, null, null);

        BsonValue[] values = [];
        long? position = null;
        long? slice = null;
        PushSort? sort = null;
        foreach (var clause in clauses)
        {
            switch (clause.Name)
            {
                case "$each":
                    values = clause.Value is BsonArray each
                        ? [.. each]
                        : throw MongoError.BadValue($"The argument to $each in $push must be an array but it was of type: {BsonTypeNames.Of(clause.Value)}");
                    break;
                case "$slice":
                    slice = IntegerOf(clause.Value) ?? throw MongoError.BadValue(
                        $"The value for $slice must be an integer value but was given type: {BsonTypeNames.Of(clause.Value)}");
                    break;
                case "$position":
                    position = IntegerOf(clause.Value) ?? throw MongoError.BadValue(
                        $"The value for $position must be an integer value, not of type: {BsonTypeNames.Of(clause.Value)}");
                    break;
                case "$sort":
                    sort = PushSort.Parse(clause.Value);
                    break;
                default:
                    throw MongoError.BadValue($"Unrecognized clause in $push: {clause.Name}");
            }
        }
        return new PushNode(values, position, slice, sort);
    }

    protected override ModifyResult Modify(BsonValue existing, LeafPosition position)
    {
        if (existing is not BsonArray array)
        {
            throw MongoError.BadValue(
                $"The field '{position.FullPath}' must be an array but is of type {BsonTypeNames.Of(existing)} in document {{{position.State.IdForMessage}}}");
        }
        return ModifyResult.ReplaceUnlessIdentical(existing, Push(array));
    }

    protected override BsonValue ValueForMissing(LeafPosition position) => Push([]);

    private BsonArray Push(BsonArray existing)
    {
        var elements = existing.Select(e => e.DeepClone()).ToList();
        var insertAt = _position switch
        {
            null => elements.Count,
            >= 0 => (int)Math.Min(_position.Value, elements.Count),
            _ => (int)Math.Max(0, elements.Count + _position.Value),
        };
        elements.InsertRange(insertAt, _values.Select(v => v.DeepClone()));
        if (_sort is not null) elements = _sort.Sort(elements);
        if (_slice is { } slice)
        {
            elements = slice >= 0
                ? elements.Take((int)Math.Min(slice, elements.Count)).ToList()
                : elements.Skip((int)Math.Max(0, elements.Count + slice)).ToList();
        }
        return new BsonArray(elements);
    }

    /// <summary>An integral number (any numeric type holding a whole value), as $slice and $position accept.</summary>
    private static long? IntegerOf(BsonValue value) => value.BsonType switch
    {
        BsonType.Int32 or BsonType.Int64 => value.ToInt64(),
        BsonType.Double when Math.Floor(value.AsDouble) == value.AsDouble && Math.Abs(value.AsDouble) < 9e18 => (long)value.AsDouble,
        BsonType.Decimal128 when Math.Floor(value.ToDouble()) == value.ToDouble() && Math.Abs(value.ToDouble()) < 9e18 => (long)value.ToDouble(),
        _ => null,
    };
}
