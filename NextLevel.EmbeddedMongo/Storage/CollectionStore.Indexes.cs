using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Indexes;

namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>Index creation, changes and removal: conflicts are checked and unique data verified before an index is added.</summary>
public sealed partial class CollectionStore
{
    /// <summary>
    /// Adds an index built over the existing documents, or returns the existing identical one.
    /// Throws IndexKeySpecsConflict/IndexOptionsConflict for clashes and E11000 when unique data is duplicated.
    /// </summary>
    internal IndexStore CreateIndex(IndexDefinition definition, out bool created)
    {
        created = false;
        var existing = FindConflictingOrSame(definition);
        if (existing is not null) return existing;

        var index = new IndexStore(definition);
        if (index.MaintainsEntries) Build(index);
        _indexes.Add(index);
        created = true;
        return index;
    }

    internal void DropIndex(string name)
    {
        if (name == IndexDefinition.IdIndexName) throw new MongoError(ErrorCode.InvalidOptions, "cannot drop _id index");
        var index = FindIndex(name) ?? throw IndexErrors.IndexNotFound($"index not found with name [{name}]");
        _indexes.Remove(index);
    }

    /// <summary>collMod on an index: changes expireAfterSeconds and/or hidden; returns the new definition.</summary>
    internal IndexDefinition ModifyIndex(string name, int? expireAfterSeconds, bool? hidden)
    {
        var index = FindIndex(name) ?? throw IndexErrors.IndexNotFound($"cannot find index {name} for ns {FullName}");
        if (hidden is not null && index.Definition.IsIdIndex) throw new MongoError(ErrorCode.BadValue, "can't hide _id index");
        if (expireAfterSeconds is not null && index.Definition.ExpireAfterSeconds is null)
            throw new MongoError(ErrorCode.InvalidOptions, "no expireAfterSeconds field to update");
        index.Redefine(index.Definition.With(expireAfterSeconds, hidden));
        return index.Definition;
    }

    private void Build(IndexStore index)
    {
        var entries = new List<IndexEntry>(_records.Count);
        var multikey = false;
        foreach (var stored in _records.WalkAll(forward: true))
        {
            BsonDocument? document = null;
            var keys = index.KeysOf(stored, ref document);
            multikey |= keys.IsMultikey;
            foreach (var key in keys.Keys) entries.Add(new IndexEntry(key, stored.Id.Value));
        }
        entries.Sort(index.Comparer);
        if (index.Definition.Unique)
        {
            for (var i = 1; i < entries.Count; i++)
            {
                if (index.Comparer.CompareKeys(entries[i - 1].Key, entries[i].Key) == 0 && entries[i - 1].RecordId != entries[i].RecordId)
                    throw IndexErrors.DuplicateKey(this, index.Definition, entries[i].Key);
            }
        }
        index.LoadEntries(entries, multikey);
    }

    private IndexStore? FindConflictingOrSame(IndexDefinition definition)
    {
        foreach (var index in _indexes)
        {
            var existing = index.Definition;
            if (existing.Name == definition.Name)
            {
                if (!existing.HasKeyPattern(definition.Key))
                    throw new MongoError(ErrorCode.IndexKeySpecsConflict, SameNameMessage(definition, existing));
                if (definition.IsIdIndex || existing.HasSameOptions(definition)) return index;
                throw new MongoError(ErrorCode.IndexOptionsConflict, SameNameMessage(definition, existing));
            }
            if (existing.HasSameIdentity(definition))
                throw new MongoError(ErrorCode.IndexOptionsConflict, $"Index already exists with a different name: {existing.Name}");
            if (existing.IsText && definition.IsText)
            {
                throw new MongoError(ErrorCode.IndexOptionsConflict,
                    $"An equivalent index already exists with a different name and options. Requested index: {definition.ToListIndexesDocument().ToJson()}, existing index: {existing.ToListIndexesDocument().ToJson()}");
            }
        }
        return null;
    }

    private static string SameNameMessage(IndexDefinition requested, IndexDefinition existing) =>
        "An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. "
        + $"Please refer to our documentation. Requested index: {requested.ToListIndexesDocument().ToJson()}, existing index: {existing.ToListIndexesDocument().ToJson()}";
}
