using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Update.Values;

namespace NextLevel.EmbeddedMongo.Update.Operators;

/// <summary><c>$inc</c> and <c>$mul</c>. A missing field becomes the increment, or a zero of the multiplier's type.</summary>
internal sealed class ArithmeticNode : ModifierNode
{
    private readonly bool _multiply;
    private readonly BsonValue _operand;

    private ArithmeticNode(bool multiply, BsonValue operand)
    {
        _multiply = multiply;
        _operand = operand;
    }

    private string OperatorName => _multiply ? "$mul" : "$inc";

    public static ArithmeticNode Increment(string path, BsonValue operand) => Create(multiply: false, path, operand);

    public static ArithmeticNode Multiply(string path, BsonValue operand) => Create(multiply: true, path, operand);

    private static ArithmeticNode Create(bool multiply, string path, BsonValue operand)
    {
        if (!BsonTypeOrder.IsNumeric(operand))
        {
            throw MongoError.TypeMismatch(
                $"Cannot {(multiply ? "multiply" : "increment")} with non-numeric argument: {{{BsonDisplay.Element(path, operand)}}}");
        }
        return new ArithmeticNode(multiply, operand);
    }

    protected override ModifyResult Modify(BsonValue existing, LeafPosition position)
    {
        if (!BsonTypeOrder.IsNumeric(existing))
        {
            throw MongoError.TypeMismatch(
                $"Cannot apply {OperatorName} to a value of non-numeric type. {{{position.State.IdForMessage}}} has the field '{position.FieldName}' of non-numeric type {BsonTypeNames.Of(existing)}");
        }
        var result = _multiply ? NumberArithmetic.Multiply(_operand, existing) : NumberArithmetic.Add(_operand, existing);
        if (result is null)
        {
            throw MongoError.BadValue(
                $"Failed to apply {OperatorName} operations to current value ((NumberLong){existing.ToInt64()}) for document {{{position.State.IdForMessage}}}");
        }
        return ModifyResult.ReplaceUnlessIdentical(existing, result);
    }

    protected override BsonValue ValueForMissing(LeafPosition position) =>
        _multiply ? NumberArithmetic.Multiply(_operand, new BsonInt32(0))! : _operand;
}
