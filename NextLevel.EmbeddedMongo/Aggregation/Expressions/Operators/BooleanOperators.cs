using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>$and and $or (short-circuiting) and $not, on aggregation truthiness.</summary>
internal static class BooleanOperators
{
    public static void Register(Dictionary<string, OperatorParser> table)
    {
        table["$and"] = (name, argument) =>
        {
            var items = Args.Positional(name, argument, 0, int.MaxValue);
            return new LambdaExpr(name, context =>
            {
                foreach (var item in items)
                {
                    if (!ExprValues.IsTrue(item.Evaluate(context))) return false;
                }
                return true;
            });
        };
        table["$or"] = (name, argument) =>
        {
            var items = Args.Positional(name, argument, 0, int.MaxValue);
            return new LambdaExpr(name, context =>
            {
                foreach (var item in items)
                {
                    if (ExprValues.IsTrue(item.Evaluate(context))) return true;
                }
                return false;
            });
        };
        table["$not"] = Args.Fixed(1, v => !ExprValues.IsTrue(v[0]));
    }
}
