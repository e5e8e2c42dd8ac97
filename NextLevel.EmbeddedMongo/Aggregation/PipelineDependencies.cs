using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace NextLevel.EmbeddedMongo.Aggregation;

/// <summary>
/// MongoDB's dependency analysis in short: when no whole input document can reach the output — the pipeline
/// reshapes (a $group, $count or inclusion $project) after only $match, $sort, $skip and $limit — the input documents
/// are read with just the top-level fields those stages name, so a $group over large documents does not decode
/// every field of every one. The set is a superset: every key and every "$path" in the stages up to the reshape
/// counts, whatever its role.
/// [Stateless - ThreadSafe]
/// </summary>
public static class PipelineDependencies
{
    /// <summary>The top-level fields the pipeline reads (always with _id), or null when it needs whole documents.</summary>
    public static IReadOnlySet<string>? TopLevelFields(BsonArray stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var fields = new HashSet<string>(StringComparer.Ordinal) { "_id" };
        foreach (var value in stages)
        {
            if (value is not BsonDocument { ElementCount: 1 } stage) return null;
            var element = stage.GetElement(0);
            switch (element.Name)
            {
                case "$match" or "$sort" or "$skip" or "$limit":
                    if (!Collect(element.Value, fields)) return null;
                    continue;
                case "$group" or "$count":
                    return Collect(element.Value, fields) ? fields : null;
                case "$project" when element.Value is BsonDocument projection && IsInclusion(projection):
                    return Collect(projection, fields) ? fields : null;
                default:
                    return null;
            }
        }
        // Only filters and orders: whole documents reach the output.
        return null;
    }

    /// <summary>Decodes only <paramref name="fields"/> of a stored document, in their stored order; the rest is skipped unread.</summary>
    public static BsonDocument Read(byte[] bytes, IReadOnlySet<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new FieldReader(fields).Read(bytes);
    }

    /// <summary>
    /// Reads the named top-level fields of stored documents: element names are compared as UTF-8 bytes and only the
    /// named values are decoded (<see cref="Bson.RawBsonDecoder"/>), so reading a field costs no allocation for the
    /// fields passed over. Make one per pipeline run. [Immutable - ThreadSafe]
    /// </summary>
    public sealed class FieldReader
    {
        private readonly IReadOnlySet<string> _fields;
        private readonly (byte[] Utf8, string Name)[] _names;

        public FieldReader(IReadOnlySet<string> fields)
        {
            _fields = fields;
            _names = [.. fields.Select(name => (System.Text.Encoding.UTF8.GetBytes(name), name))];
        }

        public BsonDocument Read(byte[] bytes)
        {
            ArgumentNullException.ThrowIfNull(bytes);
            var document = new BsonDocument();
            foreach (var (type, name, content) in new Bson.RawBsonDecoder.Elements(bytes))
            {
                var wanted = Wanted(name);
                if (wanted is null) continue;
                if (!Bson.RawBsonDecoder.TryValue(type, content, out var value)) return ReadWithDriver(bytes, _fields);
                document.Add(wanted, value);
            }
            return document;
        }

        private string? Wanted(ReadOnlySpan<byte> name)
        {
            foreach (var (utf8, text) in _names)
            {
                if (name.SequenceEqual(utf8)) return text;
            }
            return null;
        }
    }

    private static BsonDocument ReadWithDriver(byte[] bytes, IReadOnlySet<string> fields)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(fields);
        using var reader = new BsonBinaryReader(new MemoryStream(bytes, writable: false));
        var context = BsonDeserializationContext.CreateRoot(reader);
        var document = new BsonDocument();
        reader.ReadStartDocument();
        while (reader.ReadBsonType() != BsonType.EndOfDocument)
        {
            var name = reader.ReadName();
            if (fields.Contains(name)) document.Add(name, BsonValueSerializer.Instance.Deserialize(context));
            else reader.SkipValue();
        }
        reader.ReadEndDocument();
        return document;
    }

    /// <summary>$project without exclusions other than _id (an exclusion projection passes every other field on).</summary>
    private static bool IsInclusion(BsonDocument projection)
    {
        foreach (var element in projection)
        {
            if (element.Name == "_id") continue;
            if (element.Value is BsonBoolean { Value: false } || (element.Value.IsNumeric && element.Value.ToDouble() == 0)) return false;
        }
        return true;
    }

    /// <summary>Adds the first segment of every key and "$path"; false when the whole document is needed.</summary>
    private static bool Collect(BsonValue value, HashSet<string> fields)
    {
        switch (value)
        {
            case BsonDocument document:
                foreach (var element in document)
                {
                    // Operators that look at the whole document or at fields not named in the spec.
                    if (element.Name is "$text" or "$where" or "$jsonSchema" or "$$ROOT" or "$$CURRENT") return false;
                    if (!element.Name.StartsWith('$')) fields.Add(FirstSegment(element.Name));
                    if (!Collect(element.Value, fields)) return false;
                }
                return true;
            case BsonArray array:
                foreach (var item in array)
                {
                    if (!Collect(item, fields)) return false;
                }
                return true;
            case BsonString { Value: var text } when text.StartsWith("$$", StringComparison.Ordinal):
                var variable = FirstSegment(text[2..]);
                return variable is not ("ROOT" or "CURRENT");
            case BsonString { Value: var text } when text.Length > 1 && text[0] == '$':
                fields.Add(FirstSegment(text[1..]));
                return true;
            default:
                return true;
        }
    }

    private static string FirstSegment(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? path : path[..dot];
    }
}
