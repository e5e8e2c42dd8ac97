using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Update.Paths;

namespace NextLevel.EmbeddedMongo.Update.Operators;

/// <summary>The <c>$sort</c> clause of <c>$push</c>: whole elements (1/-1) or embedded fields ({field: 1/-1}).</summary>
internal sealed class PushSort
{
    private readonly int _wholeElementDirection;
    private readonly (string[] Path, int Direction)[] _fields;

    private PushSort(int wholeElementDirection, (string[] Path, int Direction)[] fields)
    {
        _wholeElementDirection = wholeElementDirection;
        _fields = fields;
    }

    public static PushSort Parse(BsonValue spec)
    {
        if (spec is BsonDocument pattern)
        {
            if (pattern.ElementCount == 0) throw MongoError.BadValue("The $sort pattern is empty when it should be a set of fields.");
            var fields = new List<(string[], int)>();
            foreach (var field in pattern)
            {
                var direction = DirectionOf(field.Value) ?? throw InvalidDirection();
                if (field.Name.Length == 0) throw MongoError.BadValue("The $sort field cannot be empty");
                var path = field.Name.Split('.');
                if (path.Any(p => p.Length == 0))
                {
                    throw MongoError.BadValue($"The $sort field is a dotted field but has an empty part: {field.Name}");
                }
                fields.Add((path, direction));
            }
            return new PushSort(0, [.. fields]);
        }
        if (!Bson.BsonTypeOrder.IsNumeric(spec))
        {
            throw MongoError.BadValue("The $sort is invalid: use 1/-1 to sort the whole element, or {field:1/-1} to sort embedded fields");
        }
        return new PushSort(DirectionOf(spec) ?? throw InvalidDirection(), []);
    }

    private static MongoError InvalidDirection() => MongoError.BadValue("The $sort element value must be either 1 or -1");

    public List<BsonValue> Sort(IEnumerable<BsonValue> elements) =>
        elements.Order(Comparer<BsonValue>.Create(Compare)).ToList();

    private int Compare(BsonValue x, BsonValue y)
    {
        if (_fields.Length == 0) return _wholeElementDirection * BsonValueComparer.Instance.Compare(x, y);
        foreach (var (path, direction) in _fields)
        {
            var byField = BsonValueComparer.Instance.Compare(Extract(x, path), Extract(y, path));
            if (byField != 0) return direction * byField;
        }
        return 0;
    }

    /// <summary>The sort key of an element; non-documents and missing fields sort as null.</summary>
    private static BsonValue Extract(BsonValue element, string[] path)
    {
        var current = element;
        foreach (var part in path)
        {
            if (current is BsonDocument document && document.TryGetValue(part, out var child)) current = child;
            else if (current is BsonArray array && UpdatePath.TryParseIndex(part, out var index) && index < array.Count) current = array[index];
            else return BsonNull.Value;
        }
        return current;
    }

    private static int? DirectionOf(BsonValue value)
    {
        if (!Bson.BsonTypeOrder.IsNumeric(value)) return null;
        var d = value.ToDouble();
        return d == 1 ? 1 : d == -1 ? -1 : null;
    }
}
