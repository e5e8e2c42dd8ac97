using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>
/// The sortBy of $sortArray: 1/-1 orders whole values, a document orders by fields of the elements.
/// [Immutable - ThreadSafe]
/// </summary>
internal sealed class ValueSortComparer : IComparer<BsonValue>
{
    private readonly int _direction;
    private readonly (string[] Path, int Direction)[] _keys;

    private ValueSortComparer(int direction, (string[] Path, int Direction)[] keys)
    {
        _direction = direction;
        _keys = keys;
    }

    public static ValueSortComparer Parse(BsonValue sortBy)
    {
        if (Numeric.TryGetInt(sortBy, out var direction) && direction is 1 or -1) return new ValueSortComparer(direction, []);
        if (sortBy is BsonDocument document && document.ElementCount > 0)
        {
            var keys = document.Select(e => Numeric.TryGetInt(e.Value, out var d) && d is 1 or -1
                ? (e.Name.Split('.'), d)
                : throw MongoError.Location(2942505, "$sortArray sort direction must be 1 or -1")).ToArray();
            return new ValueSortComparer(0, keys);
        }
        throw MongoError.Location(2942505, "$sortArray requires 'sortBy' to be 1, -1 or a sort pattern object");
    }

    public int Compare(BsonValue? x, BsonValue? y)
    {
        if (_keys.Length == 0) return _direction * ExprValues.Compare(x, y);
        foreach (var (path, direction) in _keys)
        {
            var byKey = BsonValueOrdering(Read(x, path), Read(y, path));
            if (byKey != 0) return direction * byKey;
        }
        return 0;
    }

    private static int BsonValueOrdering(BsonValue? x, BsonValue? y) => Bson.BsonValueComparer.Instance.Compare(x, y);

    private static BsonValue? Read(BsonValue? value, string[] path)
    {
        foreach (var part in path)
        {
            if (value is not BsonDocument document || !document.TryGetValue(part, out value)) return null;
        }
        return value;
    }
}
