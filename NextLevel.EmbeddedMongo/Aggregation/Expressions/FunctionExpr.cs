using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions;

/// <summary>An operator whose arguments are all evaluated first, then combined by <see cref="Body"/>.</summary>
internal sealed class FunctionExpr(string name, Expr[] arguments, Func<BsonValue?[], BsonValue?> body) : Expr
{
    public string Name { get; } = name;

    public Expr[] Arguments { get; } = arguments;

    public Func<BsonValue?[], BsonValue?> Body { get; } = body;

    public override BsonValue? Evaluate(ExprContext context)
    {
        var values = new BsonValue?[Arguments.Length];
        for (var i = 0; i < values.Length; i++) values[i] = Arguments[i].Evaluate(context);
        return Body(values);
    }
}

/// <summary>An operator with named arguments (<c>{ $dateToString: { date, format } }</c>); absent ones are null.</summary>
internal sealed class NamedFunctionExpr(string name, IReadOnlyDictionary<string, Expr> arguments, Func<Func<string, BsonValue?>, BsonValue?> body) : Expr
{
    public string Name { get; } = name;

    public override BsonValue? Evaluate(ExprContext context) =>
        body(argument => arguments.TryGetValue(argument, out var expr) ? expr.Evaluate(context) : null);

    /// <summary>True when the named argument was given at all.</summary>
    public bool Has(string argument) => arguments.ContainsKey(argument);
}

/// <summary>An operator with custom evaluation (lazy arguments, variable scopes).</summary>
internal sealed class LambdaExpr(string name, Func<ExprContext, BsonValue?> body) : Expr
{
    public string Name { get; } = name;

    public override BsonValue? Evaluate(ExprContext context) => body(context);
}
