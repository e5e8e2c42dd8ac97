using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions;

/// <summary>A constant value ($literal, numbers, plain strings, constant-folded sub-expressions).</summary>
internal sealed class LiteralExpr(BsonValue? value) : Expr
{
    public BsonValue? Value { get; } = value;

    public override bool IsConstant => true;

    /// <summary>Documents and arrays are copied so that no two results share one mutable instance.</summary>
    public override BsonValue? Evaluate(ExprContext context) => Value is BsonDocument or BsonArray ? Value.DeepClone() : Value;
}
