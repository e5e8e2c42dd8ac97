using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions;

/// <summary>Turns an expression spec into an <see cref="Expr"/> tree once, so evaluation never re-parses.</summary>
internal static class ExprParser
{
    public static Expr Parse(BsonValue spec) => spec switch
    {
        BsonString s => ParseString(s),
        BsonDocument d => ParseDocument(d),
        BsonArray a => ParseArray(a),
        _ => new LiteralExpr(spec),
    };

    private static Expr ParseString(BsonString spec)
    {
        var text = spec.Value;
        if (text.Length == 0 || text[0] != '$') return new LiteralExpr(spec);
        if (text.StartsWith("$$", StringComparison.Ordinal))
        {
            var body = text[2..];
            var dot = body.IndexOf('.', StringComparison.Ordinal);
            var name = dot < 0 ? body : body[..dot];
            ValidateVariableName(name);
            var path = dot < 0 ? [] : FieldPath.Split(body[(dot + 1)..]);
            if (name == "CURRENT" && path.Length > 0) return new FieldPathExpr(path);
            return new VariableExpr(name, path);
        }
        return new FieldPathExpr(FieldPath.Split(text[1..]));
    }

    private static void ValidateVariableName(string name)
    {
        if (name.Length == 0) throw MongoError.Location(16869, "empty variable names are not allowed");
        if (!char.IsLetter(name[0]) && name[0] < 128)
            throw MongoError.Location(16870, $"'{name}' starts with an invalid character for a user variable name");
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) && c != '_' && c < 128)
                throw MongoError.Location(16871, $"'{name}' contains an invalid character for a variable name: '{c}'");
        }
    }

    private static Expr ParseArray(BsonArray spec)
    {
        var items = new Expr[spec.Count];
        for (var i = 0; i < items.Length; i++) items[i] = Parse(spec[i]);
        return items.All(i => i.IsConstant) ? new LiteralExpr(new ArrayExpr(items).Evaluate(ConstantContext)) : new ArrayExpr(items);
    }

    private static Expr ParseDocument(BsonDocument spec)
    {
        if (spec.ElementCount > 0 && spec.GetElement(0).Name.StartsWith('$'))
        {
            if (spec.ElementCount != 1)
                throw MongoError.Location(15983, $"An object representing an expression must have exactly one field: {spec.ToJson()}");
            var element = spec.GetElement(0);
            if (!OperatorTable.TryGet(element.Name, out var parser))
                throw new MongoError(ErrorCode.InvalidPipelineOperator, $"Unrecognized expression '{element.Name}'");
            return parser(element.Name, element.Value);
        }

        var fields = new List<KeyValuePair<string, Expr>>(spec.ElementCount);
        foreach (var element in spec)
        {
            ValidateFieldName(element.Name);
            fields.Add(new(element.Name, Parse(element.Value)));
        }
        return new ObjectExpr(fields);
    }

    private static void ValidateFieldName(string name)
    {
        if (name.Length == 0) throw MongoError.Location(16412, "FieldPath field names may not be empty strings.");
        if (name[0] == '$') throw MongoError.Location(16410, $"FieldPath field names may not start with '$'. Consider using $getField or $setField.");
        if (name.Contains('.', StringComparison.Ordinal)) throw MongoError.Location(16412, $"FieldPath field names may not contain '.'. Consider using $getField or $setField.");
    }

    /// <summary>Constant sub-expressions never read the document, so any context evaluates them.</summary>
    private static readonly ExprContext ConstantContext = new(new BsonDocument());
}
