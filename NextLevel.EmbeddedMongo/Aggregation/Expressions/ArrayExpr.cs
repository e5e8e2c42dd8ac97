using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions;

/// <summary><c>[expr, expr]</c>: builds an array; a missing element becomes null, as in MongoDB.</summary>
internal sealed class ArrayExpr(Expr[] items) : Expr
{
    public Expr[] Items { get; } = items;

    public override BsonValue? Evaluate(ExprContext context)
    {
        var array = new BsonArray(Items.Length);
        foreach (var item in Items) array.Add(item.Evaluate(context) ?? BsonNull.Value);
        return array;
    }
}
