using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>Argument parsing shared by operators, with MongoDB's arity errors.</summary>
internal static class Args
{
    /// <summary>Positional arguments: an array, or a single non-array value standing for a one-element list.</summary>
    public static Expr[] Positional(string name, BsonValue argument, int min, int max)
    {
        var specs = argument is BsonArray array ? array.ToArray() : [argument];
        var count = specs.Length;
        if (min == max && count != min)
            throw MongoError.Location(16020, $"Expression {name} takes exactly {min} arguments. {count} were passed in.");
        if (count < min)
            throw MongoError.Location(16020, max == int.MaxValue
                ? $"Expression {name} takes at least {min} arguments, and {count} were passed in."
                : $"Expression {name} takes at least {min} arguments, and at most {max}. {count} were passed in.");
        if (count > max)
            throw MongoError.Location(28667, $"Expression {name} takes at least {min} arguments, and at most {max}. {count} were passed in.");
        return specs.Select(ExprParser.Parse).ToArray();
    }

    /// <summary>Named arguments of <c>{ $op: { a: ..., b: ... } }</c>; unknown or missing required names fail.</summary>
    public static Dictionary<string, Expr> Named(string name, BsonValue argument, string[] required, string[] optional, int errorCode = 40517)
    {
        if (argument is not BsonDocument document)
            throw MongoError.Location(errorCode, $"{name} expects an object of named arguments but found: {argument.BsonType}");
        var result = new Dictionary<string, Expr>(StringComparer.Ordinal);
        foreach (var element in document)
        {
            if (!required.Contains(element.Name) && !optional.Contains(element.Name))
                throw MongoError.Location(errorCode, $"Unrecognized argument to {name}: {element.Name}");
            result[element.Name] = ExprParser.Parse(element.Value);
        }
        foreach (var r in required)
        {
            if (!result.ContainsKey(r)) throw MongoError.Location(errorCode, $"Missing '{r}' parameter to {name}");
        }
        return result;
    }

    public static OperatorParser Fixed(int count, Func<BsonValue?[], BsonValue?> body) =>
        (name, argument) => new FunctionExpr(name, Positional(name, argument, count, count), body);

    public static OperatorParser Range(int min, int max, Func<BsonValue?[], BsonValue?> body) =>
        (name, argument) => new FunctionExpr(name, Positional(name, argument, min, max), body);

    /// <summary>One positional argument evaluated to a value; the name is passed for error messages.</summary>
    public static OperatorParser Unary(Func<string, BsonValue?, BsonValue?> body) =>
        (name, argument) => new FunctionExpr(name, Positional(name, argument, 1, 1), values => body(name, values[0]));

    public static OperatorParser Variadic(Func<string, BsonValue?[], BsonValue?> body) =>
        (name, argument) => new FunctionExpr(name, Positional(name, argument, 0, int.MaxValue), values => body(name, values));
}
