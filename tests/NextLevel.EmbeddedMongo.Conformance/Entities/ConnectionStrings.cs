using System.Globalization;
using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Conformance.Entities;

/// <summary>Applies a client entity's uriOptions to the runner's connection string; uriOptions win on conflicts.</summary>
public static class ConnectionStrings
{
    public static string WithOptions(string connectionString, BsonDocument? uriOptions)
    {
        if (uriOptions is null || uriOptions.ElementCount == 0) return connectionString;

        var queryStart = connectionString.IndexOf('?', StringComparison.Ordinal);
        var head = queryStart < 0 ? connectionString : connectionString[..queryStart];
        if (!head.Contains('/', StringComparison.Ordinal) || head.LastIndexOf('/') < head.IndexOf("://", StringComparison.Ordinal) + 3)
            head += "/";
        var options = new List<KeyValuePair<string, string>>();
        if (queryStart >= 0)
        {
            foreach (var pair in connectionString[(queryStart + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var separator = pair.IndexOf('=', StringComparison.Ordinal);
                var key = separator < 0 ? pair : pair[..separator];
                if (!uriOptions.Names.Any(n => string.Equals(n, key, StringComparison.OrdinalIgnoreCase)))
                    options.Add(new(key, separator < 0 ? string.Empty : pair[(separator + 1)..]));
            }
        }
        foreach (var option in uriOptions)
        {
            if (option.Value is BsonArray values)
            {
                foreach (var value in values) options.Add(new(option.Name, Format(value)));
            }
            else
            {
                options.Add(new(option.Name, Format(option.Value)));
            }
        }
        return head + "?" + string.Join('&', options.Select(o => $"{o.Key}={o.Value}"));
    }

    private static string Format(BsonValue value) => value.BsonType switch
    {
        BsonType.Boolean => value.AsBoolean ? "true" : "false",
        BsonType.String => Uri.EscapeDataString(value.AsString),
        BsonType.Int32 or BsonType.Int64 => value.ToInt64().ToString(CultureInfo.InvariantCulture),
        BsonType.Double => value.AsDouble.ToString(CultureInfo.InvariantCulture),
        BsonType.Document => string.Join(',', value.AsBsonDocument.Select(e => $"{e.Name}:{Format(e.Value)}")),
        _ => throw new FormatException($"unsupported uriOptions value {value}"),
    };
}
