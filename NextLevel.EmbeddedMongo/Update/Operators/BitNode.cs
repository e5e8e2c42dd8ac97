using NextLevel.EmbeddedMongo.Bson;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Update.Values;

namespace NextLevel.EmbeddedMongo.Update.Operators;

/// <summary><c>$bit</c>: bitwise and/or/xor on an int or long, applied in the given order; int with long gives long.
/// A missing field starts from int 0.</summary>
internal sealed class BitNode : ModifierNode
{
    private const string Format = "{$bit: {field: {and/or/xor: #}}}";

    private readonly (string Operation, BsonValue Operand)[] _operations;

    private BitNode((string, BsonValue)[] operations) => _operations = operations;

    public static BitNode Create(BsonValue argument)
    {
        if (argument is not BsonDocument operations)
        {
            throw MongoError.BadValue(
                $"The $bit modifier is not compatible with a {BsonTypeNames.Of(argument)}. You must pass in an embedded document: {Format}.");
        }
        if (operations.ElementCount == 0) throw MongoError.BadValue($"You must pass in at least one bitwise operation. The format is: {Format}");

        var parsed = new List<(string, BsonValue)>();
        foreach (var operation in operations)
        {
            if (operation.Name is not ("and" or "or" or "xor"))
            {
                throw MongoError.BadValue(
                    $"The $bit modifier only supports 'and', 'or', and 'xor', not '{operation.Name}' which is an unknown operator: {{{BsonDisplay.Element(operation.Name, operation.Value)}}}");
            }
            if (operation.Value.BsonType is not (BsonType.Int32 or BsonType.Int64))
            {
                throw MongoError.BadValue(
                    $"The $bit modifier field must be an Integer(32/64 bit); a '{BsonTypeNames.Of(operation.Value)}' is not supported here: {{{BsonDisplay.Element(operation.Name, operation.Value)}}}");
            }
            parsed.Add((operation.Name, operation.Value));
        }
        return new BitNode([.. parsed]);
    }

    protected override ModifyResult Modify(BsonValue existing, LeafPosition position)
    {
        if (existing.BsonType is not (BsonType.Int32 or BsonType.Int64))
        {
            throw MongoError.BadValue(
                $"Cannot apply $bit to a value of non-integral type.{{{position.State.IdForMessage}}} has the field {position.FieldName} of non-integer type {BsonTypeNames.Of(existing)}");
        }
        return ModifyResult.ReplaceUnlessIdentical(existing, Compute(existing));
    }

    protected override BsonValue ValueForMissing(LeafPosition position) => Compute(new BsonInt32(0));

    private BsonValue Compute(BsonValue start)
    {
        var value = start;
        foreach (var (operation, operand) in _operations)
        {
            var wide = value.BsonType == BsonType.Int64 || operand.BsonType == BsonType.Int64;
            var a = value.ToInt64();
            var b = operand.ToInt64();
            var result = operation switch { "and" => a & b, "or" => a | b, _ => a ^ b };
            value = wide ? new BsonInt64(result) : new BsonInt32((int)result);
        }
        return value;
    }
}
