using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>$cond (array and document forms), $ifNull and $switch; only the chosen branch is evaluated.</summary>
internal static class ConditionalOperators
{
    public static void Register(Dictionary<string, OperatorParser> table)
    {
        table["$cond"] = ParseCond;
        table["$ifNull"] = ParseIfNull;
        table["$switch"] = ParseSwitch;
    }

    private static Expr ParseCond(string name, BsonValue argument)
    {
        Expr condition, then, otherwise;
        if (argument is BsonDocument document)
        {
            foreach (var element in document)
            {
                if (element.Name is not ("if" or "then" or "else"))
                    throw MongoError.Location(17083, $"Unrecognized parameter to $cond: {element.Name}");
            }
            condition = ExprParser.Parse(document.GetValue("if", null) ?? throw MongoError.Location(17080, "Missing 'if' parameter to $cond"));
            then = ExprParser.Parse(document.GetValue("then", null) ?? throw MongoError.Location(17081, "Missing 'then' parameter to $cond"));
            otherwise = ExprParser.Parse(document.GetValue("else", null) ?? throw MongoError.Location(17082, "Missing 'else' parameter to $cond"));
        }
        else
        {
            var items = Args.Positional(name, argument, 3, 3);
            (condition, then, otherwise) = (items[0], items[1], items[2]);
        }
        return new LambdaExpr(name, context =>
            ExprValues.IsTrue(condition.Evaluate(context)) ? then.Evaluate(context) : otherwise.Evaluate(context));
    }

    private static Expr ParseIfNull(string name, BsonValue argument)
    {
        var items = Args.Positional(name, argument, 2, int.MaxValue);
        return new LambdaExpr(name, context =>
        {
            for (var i = 0; i < items.Length - 1; i++)
            {
                var value = items[i].Evaluate(context);
                if (!ExprValues.IsNullish(value)) return value;
            }
            return items[^1].Evaluate(context);
        });
    }

    private static Expr ParseSwitch(string name, BsonValue argument)
    {
        if (argument is not BsonDocument document)
            throw MongoError.Location(40060, $"$switch requires an object as an argument, found: {ExprValues.TypeName(argument)}");
        var branches = new List<(Expr Case, Expr Then)>();
        Expr? fallback = null;
        foreach (var element in document)
        {
            switch (element.Name)
            {
                case "branches":
                    if (element.Value is not BsonArray array)
                        throw MongoError.Location(40061, $"$switch expected an array for 'branches', found: {ExprValues.TypeName(element.Value)}");
                    foreach (var branch in array)
                    {
                        if (branch is not BsonDocument branchDocument)
                            throw MongoError.Location(40062, $"$switch expected each branch to be an object, found: {ExprValues.TypeName(branch)}");
                        Expr? caseExpr = null, thenExpr = null;
                        foreach (var part in branchDocument)
                        {
                            if (part.Name == "case") caseExpr = ExprParser.Parse(part.Value);
                            else if (part.Name == "then") thenExpr = ExprParser.Parse(part.Value);
                            else throw MongoError.Location(40063, $"$switch found an unknown argument to a branch: {part.Name}");
                        }
                        if (caseExpr is null) throw MongoError.Location(40064, "$switch requires each branch have a 'case' expression");
                        if (thenExpr is null) throw MongoError.Location(40065, "$switch requires each branch have a 'then' expression.");
                        branches.Add((caseExpr, thenExpr));
                    }
                    break;
                case "default":
                    fallback = ExprParser.Parse(element.Value);
                    break;
                default:
                    throw MongoError.Location(40067, $"$switch found an unknown argument: {element.Name}");
            }
        }
        if (branches.Count == 0) throw MongoError.Location(40068, "$switch requires at least one branch.");
        return new LambdaExpr(name, context =>
        {
            foreach (var (caseExpr, thenExpr) in branches)
            {
                if (ExprValues.IsTrue(caseExpr.Evaluate(context))) return thenExpr.Evaluate(context);
            }
            if (fallback is null)
                throw MongoError.Location(40066, "$switch could not find a matching branch for an input, and no default was specified.");
            return fallback.Evaluate(context);
        });
    }
}
