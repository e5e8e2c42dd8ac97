using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>$eq, $ne, $gt, $gte, $lt, $lte, $cmp: MongoDB's cross-type order, with missing below null.</summary>
internal static class ComparisonOperators
{
    public static void Register(Dictionary<string, OperatorParser> table)
    {
        table["$eq"] = Args.Fixed(2, v => ExprValues.Compare(v[0], v[1]) == 0);
        table["$ne"] = Args.Fixed(2, v => ExprValues.Compare(v[0], v[1]) != 0);
        table["$gt"] = Args.Fixed(2, v => ExprValues.Compare(v[0], v[1]) > 0);
        table["$gte"] = Args.Fixed(2, v => ExprValues.Compare(v[0], v[1]) >= 0);
        table["$lt"] = Args.Fixed(2, v => ExprValues.Compare(v[0], v[1]) < 0);
        table["$lte"] = Args.Fixed(2, v => ExprValues.Compare(v[0], v[1]) <= 0);
        table["$cmp"] = Args.Fixed(2, v => new BsonInt32(Math.Sign(ExprValues.Compare(v[0], v[1]))));
    }
}
