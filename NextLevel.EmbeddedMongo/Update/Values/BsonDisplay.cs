using System.Globalization;
using System.Text;
using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Update.Values;

/// <summary>
/// Renders values the way the server prints them inside error messages (<c>{ a: 1, b: "x" }</c>,
/// <c>[ 1, 2 ]</c>, <c>NumberLong(5)</c>), so clients that show or match messages see familiar text.
/// Only used for error messages about the values the caller itself sent or owns.
/// </summary>
internal static class BsonDisplay
{
    /// <summary>A single element as <c>name: value</c>, the server's rendering of a field.</summary>
    public static string Element(string name, BsonValue? value) => name + ": " + Value(value);

    public static string Value(BsonValue? value)
    {
        var builder = new StringBuilder();
        Append(builder, value);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, BsonValue? value)
    {
        switch (value)
        {
            case null:
                builder.Append("MISSING");
                break;
            case BsonDocument document:
                if (document.ElementCount == 0)
                {
                    builder.Append("{}");
                    break;
                }
                builder.Append("{ ");
                var first = true;
                foreach (var element in document)
                {
                    if (!first) builder.Append(", ");
                    first = false;
                    builder.Append(element.Name).Append(": ");
                    Append(builder, element.Value);
                }
                builder.Append(" }");
                break;
            case BsonArray array:
                if (array.Count == 0)
                {
                    builder.Append("[]");
                    break;
                }
                builder.Append("[ ");
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0) builder.Append(", ");
                    Append(builder, array[i]);
                }
                builder.Append(" ]");
                break;
            default:
                builder.Append(Scalar(value));
                break;
        }
    }

    private static string Scalar(BsonValue value) => value.BsonType switch
    {
        BsonType.String => "\"" + value.AsString + "\"",
        BsonType.Int32 => value.AsInt32.ToString(CultureInfo.InvariantCulture),
        BsonType.Int64 => "NumberLong(" + value.AsInt64.ToString(CultureInfo.InvariantCulture) + ")",
        BsonType.Double => Double(value.AsDouble),
        BsonType.Decimal128 => "NumberDecimal(\"" + value.AsDecimal128.ToString() + "\")",
        BsonType.Boolean => value.AsBoolean ? "true" : "false",
        BsonType.Null => "null",
        BsonType.Undefined => "undefined",
        BsonType.ObjectId => "ObjectId('" + value.AsObjectId + "')",
        BsonType.DateTime => "new Date(" + value.AsBsonDateTime.MillisecondsSinceEpoch.ToString(CultureInfo.InvariantCulture) + ")",
        BsonType.Timestamp => "Timestamp(" + value.AsBsonTimestamp.Timestamp.ToString(CultureInfo.InvariantCulture) + ", "
            + value.AsBsonTimestamp.Increment.ToString(CultureInfo.InvariantCulture) + ")",
        BsonType.RegularExpression => "/" + value.AsBsonRegularExpression.Pattern + "/" + value.AsBsonRegularExpression.Options,
        BsonType.MinKey => "MinKey",
        BsonType.MaxKey => "MaxKey",
        _ => value.ToString() ?? string.Empty,
    };

    private static string Double(double d)
    {
        if (double.IsNaN(d)) return "nan.0";
        if (double.IsPositiveInfinity(d)) return "inf.0";
        if (double.IsNegativeInfinity(d)) return "-inf.0";
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
