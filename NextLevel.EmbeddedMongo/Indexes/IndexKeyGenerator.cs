using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Indexes;

/// <summary>The keys one document contributes to an index.</summary>
internal readonly record struct DocumentKeys(IReadOnlyList<object> Keys, bool IsMultikey, bool AllFieldsMissing);

/// <summary>
/// Computes index keys from a document as MongoDB does: dotted paths descend into embedded documents and into
/// the documents of arrays; an array at the end of a path gives one key per element (an empty array gives
/// <c>undefined</c>); a missing field gives <c>null</c>. One document may give many keys in one index
/// (multikey), but never through two different arrays of one compound key (parallel arrays, error 171).
/// [Immutable - ThreadSafe]
/// </summary>
internal sealed class IndexKeyGenerator(IndexKeyPattern pattern, IComparer<object> keyComparer)
{
    private const int CannotIndexParallelArrays = 171;

    private readonly byte[][][] _encodedPaths = pattern.PathParts.Select(RawKeyReader.EncodePath).ToArray();

    /// <summary>
    /// The keys read straight from BSON bytes when every path ends in a scalar without crossing an array
    /// (one key, not multikey); false when the document must be deserialised for <see cref="Generate"/>.
    /// </summary>
    public bool TryGenerate(ReadOnlySpan<byte> bson, out DocumentKeys keys)
    {
        keys = default;
        var fieldCount = _encodedPaths.Length;
        var values = fieldCount == 1 ? null : new BsonValue[fieldCount];
        BsonValue? single = null;
        var allMissing = true;
        for (var field = 0; field < fieldCount; field++)
        {
            var lookup = RawKeyReader.Find(bson, _encodedPaths[field], out var value);
            if (lookup == RawLookup.NeedsDocument) return false;
            if (lookup == RawLookup.Found) allMissing = false;
            var keyValue = value ?? BsonNull.Value;
            if (values is null) single = keyValue;
            else values[field] = keyValue;
        }
        keys = new DocumentKeys([(object?)values ?? single!], false, allMissing);
        return true;
    }

    public DocumentKeys Generate(BsonDocument document)
    {
        var fieldCount = pattern.Paths.Length;
        var perField = new List<BsonValue>[fieldCount];
        string? arrayPath = null;
        var multikey = false;
        var allMissing = true;

        for (var field = 0; field < fieldCount; field++)
        {
            var values = new List<BsonValue>(1);
            string? fieldArrayPath = null;
            Collect(document, pattern.PathParts[field], 0, values, ref fieldArrayPath);
            if (values.Count == 0) values.Add(BsonNull.Value);
            else allMissing = false;

            if (fieldArrayPath is not null)
            {
                multikey = true;
                if (arrayPath is not null && arrayPath != fieldArrayPath)
                {
                    throw new MongoError(CannotIndexParallelArrays, "CannotIndexParallelArrays",
                        $"cannot index parallel arrays [{fieldArrayPath}] [{arrayPath}]");
                }
                arrayPath = fieldArrayPath;
            }
            perField[field] = values;
        }

        if (fieldCount == 1)
        {
            var single = perField[0];
            if (single.Count == 1) return new DocumentKeys([single[0]], multikey, allMissing);
            return new DocumentKeys(Distinct(single.Cast<object>().ToList()), multikey, allMissing);
        }

        var keys = new List<object>();
        BuildProduct(perField, 0, new BsonValue[fieldCount], keys);
        return new DocumentKeys(keys.Count > 1 ? Distinct(keys) : keys, multikey, allMissing);
    }


    private static void BuildProduct(List<BsonValue>[] perField, int field, BsonValue[] current, List<object> keys)
    {
        if (field == perField.Length)
        {
            keys.Add(current.Clone());
            return;
        }
        foreach (var value in perField[field])
        {
            current[field] = value;
            BuildProduct(perField, field + 1, current, keys);
        }
    }

    private List<object> Distinct(List<object> keys)
    {
        keys.Sort(keyComparer);
        var distinct = new List<object>(keys.Count) { keys[0] };
        for (var i = 1; i < keys.Count; i++)
        {
            if (keyComparer.Compare(keys[i], distinct[^1]) != 0) distinct.Add(keys[i]);
        }
        return distinct;
    }

    private static void Collect(BsonValue current, string[] parts, int depth, List<BsonValue> values, ref string? arrayPath)
    {
        if (depth == parts.Length)
        {
            if (current is BsonArray leafArray)
            {
                arrayPath ??= string.Join('.', parts, 0, depth);
                if (leafArray.Count == 0) values.Add(BsonUndefined.Value);
                foreach (var element in leafArray) values.Add(Detach(element));
            }
            else
            {
                values.Add(Detach(current));
            }
            return;
        }

        switch (current)
        {
            case BsonDocument document:
                if (document.TryGetValue(parts[depth], out var child)) Collect(child, parts, depth + 1, values, ref arrayPath);
                break;
            case BsonArray array:
                arrayPath ??= string.Join('.', parts, 0, depth);
                foreach (var element in array)
                {
                    if (element is BsonDocument) Collect(element, parts, depth, values, ref arrayPath);
                }
                break;
        }
    }

    /// <summary>Keys outlive the document they came from, so mutable values are copied.</summary>
    private static BsonValue Detach(BsonValue value) => value is BsonDocument or BsonArray ? value.DeepClone() : value;
}
