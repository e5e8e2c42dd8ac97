using NextLevel.EmbeddedMongo.Bson;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;

namespace NextLevel.EmbeddedMongo.Engine;

/// <summary>
/// Typed access to a command's arguments with MongoDB's wording for wrong types
/// ("BSON field 'find.limit' is the wrong type 'string', expected types '[long, int, decimal, double]'").
/// </summary>
internal static class CommandArguments
{
    /// <summary>The collection a command targets: the value of its first element, which must be a non-empty string.</summary>
    public static string CollectionName(this BsonDocument command, string database)
    {
        var element = command.GetElement(0);
        if (!element.Value.IsString)
            throw new MongoError(ErrorCode.InvalidNamespace, $"collection name has invalid type {TypeName(element.Value)}");
        var name = element.Value.AsString;
        Storage.NamespaceRules.ValidateCollection(database, name);
        return name;
    }

    public static string CommandName(this BsonDocument command) => command.GetElement(0).Name;

    public static BsonDocument? OptionalDocument(this BsonDocument command, string field)
    {
        if (!command.TryGetValue(field, out var value) || value.IsBsonNull) return null;
        if (!value.IsBsonDocument) throw WrongType(command, field, value, "object");
        return value.AsBsonDocument;
    }

    public static BsonArray? OptionalArray(this BsonDocument command, string field)
    {
        if (!command.TryGetValue(field, out var value) || value.IsBsonNull) return null;
        if (!value.IsBsonArray) throw WrongType(command, field, value, "array");
        return value.AsBsonArray;
    }

    public static BsonArray RequiredArray(this BsonDocument command, string field) =>
        command.OptionalArray(field)
        ?? throw new MongoError(ErrorCode.Location40414, $"BSON field '{command.CommandName()}.{field}' is missing but a required field");

    public static string? OptionalString(this BsonDocument command, string field)
    {
        if (!command.TryGetValue(field, out var value) || value.IsBsonNull) return null;
        if (!value.IsString) throw WrongType(command, field, value, "string");
        return value.AsString;
    }

    public static bool OptionalBool(this BsonDocument command, string field, bool defaultValue = false)
    {
        if (!command.TryGetValue(field, out var value) || value.IsBsonNull) return defaultValue;
        if (!value.IsBoolean && !value.IsNumeric) throw WrongType(command, field, value, "bool");
        return value.ToBoolean();
    }

    public static long? OptionalLong(this BsonDocument command, string field)
    {
        if (!command.TryGetValue(field, out var value) || value.IsBsonNull) return null;
        if (!value.IsNumeric) throw WrongType(command, field, value, "long, int, decimal, double");
        if (value.IsDouble && (double.IsNaN(value.AsDouble) || Math.Floor(value.AsDouble) != value.AsDouble))
            throw new MongoError(ErrorCode.FailedToParse, $"BSON field '{command.CommandName()}.{field}' has a non-integral value");
        return value.ToInt64();
    }

    /// <summary>
    /// The command's <c>let</c> variables, for $expr and aggregation expressions. Each value is a constant
    /// expression (e.g. <c>{ $literal: "$x" }</c>, <c>"$$NOW"</c>) evaluated once, before the command runs;
    /// later variables may use earlier ones.
    /// </summary>
    public static IReadOnlyDictionary<string, BsonValue>? LetVariables(this BsonDocument command, DateTime now)
    {
        var let = command.OptionalDocument("let");
        if (let is null) return null;
        var variables = new Dictionary<string, BsonValue>(StringComparer.Ordinal);
        foreach (var element in let)
        {
            var value = Expr.Parse(element.Value).Evaluate(new ExprContext([], variables, now));
            variables[element.Name] = value ?? BsonNull.Value;
        }
        return variables;
    }

    /// <summary>Only the simple (binary) collation is supported; any other locale is refused rather than ignored.</summary>
    public static void RequireSimpleCollation(BsonValue? collation)
    {
        if (collation is null || collation.IsBsonNull) return;
        if (!collation.IsBsonDocument)
            throw new MongoError(ErrorCode.TypeMismatch, $"collation must be of type object, not {TypeName(collation)}");
        var document = collation.AsBsonDocument;
        if (document.ElementCount == 0) return;
        if (document.TryGetValue("locale", out var locale) && locale.IsString && locale.AsString == "simple") return;
        throw new MongoError(ErrorCode.NotImplemented, "only the simple collation ({ locale: \"simple\" }) is supported by this server");
    }

    public static MongoError WrongType(BsonDocument command, string field, BsonValue value, string expected) =>
        new(ErrorCode.TypeMismatch,
            $"BSON field '{command.CommandName()}.{field}' is the wrong type '{TypeName(value)}', expected type{(expected.Contains(',', StringComparison.Ordinal) ? "s '[" + expected + "]'" : " '" + expected + "'")}");

    /// <summary>MongoDB's short type names ($type aliases).</summary>
    public static string TypeName(BsonValue value) => Bson.BsonTypeNames.Of(value);
}
