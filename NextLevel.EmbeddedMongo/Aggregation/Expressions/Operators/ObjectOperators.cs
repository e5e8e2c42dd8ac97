using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>$mergeObjects, $getField, $setField and $unsetField.</summary>
internal static class ObjectOperators
{
    public static void Register(Dictionary<string, OperatorParser> table)
    {
        table["$mergeObjects"] = Args.Variadic((_, values) =>
        {
            var result = new BsonDocument();
            foreach (var value in values) Merge(result, value);
            return result;
        });
        table["$getField"] = ParseGetField;
        table["$setField"] = (name, argument) => ParseSetField(name, argument, unset: false);
        table["$unsetField"] = (name, argument) => ParseSetField(name, argument, unset: true);
    }

    /// <summary>Adds the fields of a document, later ones overwriting; null and missing are skipped.</summary>
    internal static void Merge(BsonDocument target, BsonValue? value)
    {
        if (ExprValues.IsNullish(value)) return;
        if (value is not BsonDocument document)
            throw MongoError.Location(40400, $"$mergeObjects requires object inputs, but input {ExprValues.Describe(value)} is of type {ExprValues.TypeName(value)}");
        foreach (var element in document) target[element.Name] = element.Value;
    }

    private static string ConstantFieldName(string name, Expr field)
    {
        if (field is LiteralExpr { Value: BsonString s }) return s.Value;
        throw MongoError.Location(5654602, $"{name} requires 'field' to evaluate to a constant, but got a non-constant argument");
    }

    private static Expr ParseGetField(string name, BsonValue argument)
    {
        string field;
        Expr input;
        if (argument is BsonDocument document && (document.ElementCount == 0 || !document.GetElement(0).Name.StartsWith('$')))
        {
            var args = Args.Named(name, argument, ["field"], ["input"], 3041701);
            field = ConstantFieldName(name, args["field"]);
            input = args.TryGetValue("input", out var given) ? given : new VariableExpr("CURRENT", []);
        }
        else
        {
            field = ConstantFieldName(name, ExprParser.Parse(argument));
            input = new VariableExpr("CURRENT", []);
        }
        return new LambdaExpr(name, context =>
        {
            var value = input.Evaluate(context);
            if (ExprValues.IsNullish(value)) return value is null ? null : BsonNull.Value;
            if (value is not BsonDocument inputDocument) return null;
            return inputDocument.TryGetValue(field, out var result) ? result : null;
        });
    }

    private static Expr ParseSetField(string name, BsonValue argument, bool unset)
    {
        var args = Args.Named(name, argument, unset ? ["field", "input"] : ["field", "input", "value"], [], 4161100);
        var field = ConstantFieldName(name, args["field"]);
        var input = args["input"];
        args.TryGetValue("value", out var valueExpr);
        return new LambdaExpr(name, context =>
        {
            var value = input.Evaluate(context);
            if (ExprValues.IsNullish(value)) return BsonNull.Value;
            if (value is not BsonDocument document)
                throw MongoError.Location(4161105, $"{name} requires 'input' to evaluate to type Object");
            var result = new BsonDocument(document.Elements);
            var newValue = valueExpr?.Evaluate(context);
            if (unset || newValue is null) result.Remove(field);
            else result[field] = newValue;
            return result;
        });
    }
}
