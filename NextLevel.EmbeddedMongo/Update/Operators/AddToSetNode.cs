using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Update.Values;

namespace NextLevel.EmbeddedMongo.Update.Operators;

/// <summary><c>$addToSet</c>: appends each value (one, or the <c>$each</c> list) that the array does not already hold,
/// by MongoDB equality (1 equals 1.0; documents compare field by field, in order).</summary>
internal sealed class AddToSetNode : ModifierNode
{
    private readonly BsonValue[] _values;

    private AddToSetNode(BsonValue[] values) => _values = values;

    public static AddToSetNode Create(BsonValue argument)
    {
        if (argument is not BsonDocument clauses || clauses.ElementCount == 0 || clauses.GetElement(0).Name != "$each")
        {
            return new AddToSetNode([argument]);
        }
        if (clauses.ElementCount > 1)
        {
            throw MongoError.BadValue($"Found unexpected fields after $each in $addToSet: {BsonDisplay.Value(clauses)}");
        }
        var each = clauses[0] as BsonArray ?? throw MongoError.TypeMismatch(
            $"The argument to $each in $addToSet must be an array but it was of type {BsonTypeNames.Of(clauses[0])}");
        return new AddToSetNode(Distinct(each, []));
    }

    protected override ModifyResult Modify(BsonValue existing, LeafPosition position)
    {
        if (existing is not BsonArray array)
        {
            throw MongoError.BadValue(
                $"Cannot apply $addToSet to non-array field. Field named '{position.FieldName}' has non-array type {BsonTypeNames.Of(existing)}");
        }
        var added = Distinct(_values, array);
        if (added.Length == 0) return ModifyResult.NoOp;
        var result = new BsonArray(array.Select(e => e.DeepClone()));
        result.AddRange(added.Select(v => v.DeepClone()));
        return ModifyResult.Replace(result);
    }

    protected override BsonValue ValueForMissing(LeafPosition position) => new BsonArray(_values.Select(v => v.DeepClone()));

    /// <summary>The candidates not in <paramref name="present"/> and not repeated among themselves, in order.</summary>
    private static BsonValue[] Distinct(IEnumerable<BsonValue> candidates, IEnumerable<BsonValue> present)
    {
        var seen = new HashSet<BsonValue?>(present, BsonValueComparer.Instance);
        return candidates.Where(c => seen.Add(c)).ToArray();
    }
}
