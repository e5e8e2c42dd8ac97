using System.Globalization;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Indexes;

/// <summary>Validates a createIndexes spec and turns it into an <see cref="IndexDefinition"/>.</summary>
internal static class IndexSpecParser
{
    private static readonly HashSet<string> AcceptedFields = new(StringComparer.Ordinal)
    {
        "key", "name", "unique", "sparse", "partialFilterExpression", "expireAfterSeconds", "v", "background", "ns",
        "weights", "default_language", "language_override", "textIndexVersion", "hidden", "collation", "storageEngine",
    };

    private static readonly HashSet<string> UnsupportedIndexTypes = new(StringComparer.Ordinal) { "hashed", "2d", "2dsphere", "geoHaystack" };

    public static IndexDefinition Parse(BsonDocument spec)
    {
        foreach (var element in spec)
        {
            if (!AcceptedFields.Contains(element.Name))
                throw IndexErrors.InvalidIndexSpecificationOption($"The field '{element.Name}' is not valid for an index specification. Specification: {spec.ToJson()}");
        }

        if (!spec.TryGetValue("key", out var keyValue))
            throw new MongoError(ErrorCode.FailedToParse, "The 'key' field is a required property of an index specification");
        if (!keyValue.IsBsonDocument)
            throw new MongoError(ErrorCode.TypeMismatch, "The field 'key' must be an object, but got " + keyValue.BsonType);
        var key = ExpandListedTextKey(keyValue.AsBsonDocument, spec);
        ValidateKey(key);

        if (spec.TryGetValue("v", out var version) && (!version.IsNumeric || version.ToDouble() is not (1 or 2)))
            throw IndexErrors.CannotCreateIndex($"Invalid index specification {spec.ToJson()}; cannot create an index with v={version}");

        var isText = key.Values.Any(IndexKeyPattern.IsTextValue);
        var name = spec.TryGetValue("name", out var nameValue) ? RequireString(nameValue, "name") : DefaultName(key);
        if (name.Length == 0) throw IndexErrors.CannotCreateIndex("The index name cannot be empty");

        var unique = OptionalBool(spec, "unique");
        var sparse = OptionalBool(spec, "sparse");
        BsonDocument? partial = null;
        if (spec.TryGetValue("partialFilterExpression", out var partialValue))
        {
            if (!partialValue.IsBsonDocument) throw new MongoError(ErrorCode.TypeMismatch, "The field 'partialFilterExpression' must be an object, but got " + partialValue.BsonType);
            if (sparse) throw new MongoError(ErrorCode.BadValue, "cannot mix \"partialFilterExpression\" and \"sparse\" options");
            partial = partialValue.AsBsonDocument.DeepClone().AsBsonDocument;
            ValidatePartialFilter(partial);
            Filter.Parse(partial);
        }

        int? expireAfterSeconds = null;
        if (spec.TryGetValue("expireAfterSeconds", out var expireValue))
        {
            if (!expireValue.IsNumeric) throw new MongoError(ErrorCode.TypeMismatch, "TTL index 'expireAfterSeconds' option must be numeric, but received a type of '" + expireValue.BsonType + "'");
            var seconds = expireValue.ToDouble();
            if (double.IsNaN(seconds) || seconds < 0 || seconds > int.MaxValue)
                throw IndexErrors.CannotCreateIndex($"TTL index 'expireAfterSeconds' option must be within an acceptable range, try a lower number. Specification: {spec.ToJson()}");
            expireAfterSeconds = (int)seconds;
        }

        var definition = new IndexDefinition
        {
            Name = name,
            Key = key.DeepClone().AsBsonDocument,
            Unique = unique,
            Sparse = sparse,
            PartialFilterExpression = partial,
            ExpireAfterSeconds = expireAfterSeconds,
            Hidden = OptionalBool(spec, "hidden"),
            TextWeights = isText ? TextWeights(key, spec) : null,
            DefaultLanguage = spec.TryGetValue("default_language", out var language) ? RequireString(language, "default_language") : "english",
            LanguageOverride = spec.TryGetValue("language_override", out var languageOverride) ? RequireString(languageOverride, "language_override") : "language",
        };

        if (definition.IsIdIndex)
        {
            if (key.ElementCount != 1 || key.GetElement(0).Name != "_id" || !key[0].IsNumeric || key[0].ToDouble() < 0)
                throw new MongoError(ErrorCode.BadValue, "The index name '_id_' is reserved for the _id index, which must have key pattern {_id: 1}, found key: " + key.ToJson());
            foreach (var option in new[] { "unique", "sparse", "partialFilterExpression", "expireAfterSeconds", "hidden" })
            {
                if (spec.Contains(option))
                    throw IndexErrors.InvalidIndexSpecificationOption($"The field '{option}' is not valid for an _id index specification. Specification: {spec.ToJson()}");
            }
            return IndexDefinition.IdIndex;
        }
        if (isText && expireAfterSeconds is not null)
            throw IndexErrors.CannotCreateIndex("TTL indexes are single-field indexes, compound indexes do not support TTL.");
        return definition;
    }

    /// <summary>MongoDB's generated name: each field and its value joined by underscores (<c>a_1_b_-1</c>, <c>title_text</c>).</summary>
    public static string DefaultName(BsonDocument key) =>
        string.Join('_', key.Select(element => element.Name + "_" + KeyValueText(element.Value)));

    private static string KeyValueText(BsonValue value) => value.BsonType switch
    {
        BsonType.String => value.AsString,
        BsonType.Int32 or BsonType.Int64 => value.ToInt64().ToString(CultureInfo.InvariantCulture),
        BsonType.Double when Math.Floor(value.AsDouble) == value.AsDouble && Math.Abs(value.AsDouble) < 1e15 => ((long)value.AsDouble).ToString(CultureInfo.InvariantCulture),
        BsonType.Double => value.AsDouble.ToString("R", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static void ValidateKey(BsonDocument key)
    {
        if (key.ElementCount == 0) throw IndexErrors.CannotCreateIndex("Index keys cannot be an empty field.");
        var textSeen = false;
        foreach (var element in key)
        {
            if (element.Name.Length == 0) throw IndexErrors.CannotCreateIndex("Index keys cannot be an empty field.");
            if (element.Name.StartsWith('$') && element.Name != "$**")
                throw IndexErrors.CannotCreateIndex($"Index key contains an illegal field name: field name starts with '$'.");
            if (element.Name.Split('.').Any(part => part.Length == 0))
                throw IndexErrors.CannotCreateIndex($"Index keys cannot contain an empty field name: '{element.Name}'");

            var value = element.Value;
            if (value.IsNumeric)
            {
                var number = value.ToDouble();
                if (number == 0 || double.IsNaN(number))
                    throw IndexErrors.CannotCreateIndex($"Values in the index key pattern can't be 0 or NaN: {key.ToJson()}");
                if (element.Name == "$**")
                    throw new MongoError(ErrorCode.NotImplemented, "Wildcard indexes are not supported by NextLevel.EmbeddedMongo");
                continue;
            }
            if (!value.IsString)
                throw IndexErrors.CannotCreateIndex($"Values in v:2 index key pattern cannot be of type {value.BsonType}. Only numbers > 0, numbers < 0, and strings are allowed.");
            var type = value.AsString;
            if (type == "text")
            {
                textSeen = true;
                continue;
            }
            if (UnsupportedIndexTypes.Contains(type))
                throw IndexErrors.CannotCreateIndex($"Index type '{type}' is not supported by NextLevel.EmbeddedMongo");
            throw IndexErrors.CannotCreateIndex($"Unknown index plugin '{type}'");
        }
        if (!textSeen && key.Names.Contains("$**"))
            throw new MongoError(ErrorCode.NotImplemented, "Wildcard indexes are not supported by NextLevel.EmbeddedMongo");
    }

    private static readonly HashSet<string> PartialFilterOperators = new(StringComparer.Ordinal) { "$eq", "$exists", "$gt", "$gte", "$lt", "$lte", "$type", "$in" };

    /// <summary>MongoDB 7 allows only equality, $exists: true, comparisons, $type and $in, combined with $and/$or.</summary>
    private static void ValidatePartialFilter(BsonDocument filter)
    {
        foreach (var element in filter)
        {
            if (element.Name is "$and" or "$or")
            {
                if (element.Value is not BsonArray clauses) throw UnsupportedInPartialIndex(element);
                foreach (var clause in clauses)
                {
                    if (clause is not BsonDocument document) throw UnsupportedInPartialIndex(element);
                    ValidatePartialFilter(document);
                }
                continue;
            }
            if (element.Name.StartsWith('$')) throw UnsupportedInPartialIndex(element);
            if (element.Value is not BsonDocument operators || operators.ElementCount == 0 || !operators.GetElement(0).Name.StartsWith('$')) continue;
            foreach (var op in operators)
            {
                if (!PartialFilterOperators.Contains(op.Name) || (op.Name == "$exists" && !op.Value.ToBoolean()))
                    throw UnsupportedInPartialIndex(new BsonElement(element.Name, new BsonDocument(op.Name, op.Value)));
            }
        }
    }

    private static MongoError UnsupportedInPartialIndex(BsonElement element) =>
        IndexErrors.CannotCreateIndex($"Expression not supported in partial index: {new BsonDocument(element).ToJson()}");

    /// <summary>
    /// A text index as listIndexes shows it (<c>{ _fts: "text", _ftsx: 1 }</c> with its fields in <c>weights</c>), as
    /// mongorestore and our own backup send it back, becomes the key it was created from: one "text" field per weight.
    /// </summary>
    private static BsonDocument ExpandListedTextKey(BsonDocument key, BsonDocument spec)
    {
        if (!key.Contains("_fts")) return key;
        if (!spec.TryGetValue("weights", out var weights) || !weights.IsBsonDocument || weights.AsBsonDocument.ElementCount == 0)
            throw IndexErrors.CannotCreateIndex("a text index key given as _fts/_ftsx needs its fields in 'weights'");
        var expanded = new BsonDocument();
        foreach (var element in key)
        {
            if (element.Name == "_ftsx") continue;
            if (element.Name != "_fts")
            {
                expanded.Add(element);
                continue;
            }
            foreach (var field in weights.AsBsonDocument.Names.Order(StringComparer.Ordinal)) expanded.Add(field, "text");
        }
        return expanded;
    }

    private static Dictionary<string, int> TextWeights(BsonDocument key, BsonDocument spec)
    {
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var element in key)
        {
            if (IndexKeyPattern.IsTextValue(element.Value)) weights[element.Name] = 1;
        }
        if (spec.TryGetValue("weights", out var given))
        {
            if (!given.IsBsonDocument) throw IndexErrors.CannotCreateIndex("text index option 'weights' must be an object");
            foreach (var element in given.AsBsonDocument)
            {
                if (!element.Value.IsNumeric) throw IndexErrors.CannotCreateIndex($"weight for text index needs numeric type: {element.Name}");
                var weight = element.Value.ToDouble();
                if (weight <= 0 || weight >= 100_000) throw IndexErrors.CannotCreateIndex("text index weight must be in the exclusive interval (0,99999) but found: " + weight.ToString(CultureInfo.InvariantCulture));
                weights[element.Name] = (int)weight;
            }
        }
        return weights;
    }

    private static string RequireString(BsonValue value, string field) =>
        value.IsString ? value.AsString : throw new MongoError(ErrorCode.TypeMismatch, $"The field '{field}' must be a string, but got {value.BsonType}");

    private static bool OptionalBool(BsonDocument spec, string field) =>
        spec.TryGetValue(field, out var value) && value.ToBoolean();

}
