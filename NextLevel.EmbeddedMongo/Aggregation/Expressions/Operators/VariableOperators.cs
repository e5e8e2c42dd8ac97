using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>$literal and $let.</summary>
internal static class VariableOperators
{
    public static void Register(Dictionary<string, OperatorParser> table)
    {
        table["$literal"] = (_, argument) => new LiteralExpr(argument);
        table["$let"] = ParseLet;
    }

    private static Expr ParseLet(string name, BsonValue argument)
    {
        if (argument is not BsonDocument document)
            throw MongoError.Location(16874, "$let only supports an object as its argument");
        BsonDocument? vars = null;
        Expr? body = null;
        foreach (var element in document)
        {
            if (element.Name == "vars")
                vars = element.Value as BsonDocument ?? throw MongoError.Location(10065, $"invalid parameter: expected an object (vars)");
            else if (element.Name == "in") body = ExprParser.Parse(element.Value);
            else throw MongoError.Location(16875, $"Unrecognized parameter to $let: {element.Name}");
        }
        if (vars is null) throw MongoError.Location(16876, "Missing 'vars' parameter to $let");
        if (body is null) throw MongoError.Location(16877, "Missing 'in' parameter to $let");
        var bindings = vars.Select(e => (Name: ValidName(e.Name), Value: ExprParser.Parse(e.Value))).ToArray();
        return new LambdaExpr(name, context =>
        {
            // All variables are evaluated before any is bound: they cannot see each other.
            var values = bindings.Select(b => b.Value.Evaluate(context)).ToArray();
            var previous = new BsonValue?[bindings.Length];
            for (var i = 0; i < bindings.Length; i++) previous[i] = context.Bind(bindings[i].Name, values[i]);
            try
            {
                return body.Evaluate(context);
            }
            finally
            {
                for (var i = bindings.Length - 1; i >= 0; i--) context.Restore(bindings[i].Name, previous[i]);
            }
        });
    }

    /// <summary>User variable names start with a lowercase letter (or a non-ASCII character).</summary>
    internal static string ValidName(string name)
    {
        if (name.Length == 0) throw MongoError.Location(16869, "empty variable names are not allowed");
        if (!(char.IsLower(name[0]) || name[0] > 127))
            throw MongoError.Location(16870, $"'{name}' starts with an invalid character for a user variable name");
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c > 127))
                throw MongoError.Location(16871, $"'{name}' contains an invalid character for a variable name: '{c}'");
        }
        return name;
    }
}
