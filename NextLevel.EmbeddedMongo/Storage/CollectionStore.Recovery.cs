using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Indexes;

namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>Recovery and checkpoint support: bulk loading without index maintenance, then index rebuilds in bulk.</summary>
public sealed partial class CollectionStore
{
    private const int MinimumDocumentsPerRebuildSlice = 5_000;

    /// <summary>Loads documents in record id order (checkpoint recovery); indexes are rebuilt afterwards in bulk.</summary>
    internal void LoadDocument(StoredDocument document)
    {
        if (!_records.Add(document)) throw new InvalidDataException($"Record {document.Id.Value} appears twice in {FullName}.");
        DataSize += document.Bytes.Length;
        _nextRecordId = Math.Max(_nextRecordId, document.Id.Value + 1);
    }

    /// <summary>Recovery only: swaps the document without touching indexes (they are rebuilt afterwards).</summary>
    internal void ReplaceUnindexed(StoredDocument document)
    {
        var existing = Get(document.Id.Value) ?? throw new InvalidDataException($"Record {document.Id.Value} is missing in {FullName}.");
        _records.Update(document);
        DataSize += document.Bytes.Length - existing.Bytes.Length;
    }

    /// <summary>Recovery only: removes the document without touching indexes (they are rebuilt afterwards).</summary>
    internal void DeleteUnindexed(long recordId)
    {
        var existing = Get(recordId);
        if (existing is null) return;
        _records.Remove(existing);
        DataSize -= existing.Bytes.Length;
    }

    internal void SetNextRecordId(long nextRecordId) => _nextRecordId = Math.Max(_nextRecordId, nextRecordId);

    /// <summary>Adds an index definition without building it (recovery builds all indexes together afterwards).</summary>
    internal void AddIndexUnbuilt(IndexDefinition definition)
    {
        if (definition.IsIdIndex) return;
        _indexes.Add(new IndexStore(definition));
    }

    /// <summary>
    /// Rebuilds every index from the documents (recovery), reading keys from the BSON bytes where possible and
    /// deserialising a document at most once. Key extraction runs on
    /// slices of the documents in parallel, then each index sorts its entries once, indexes side by side.
    /// </summary>
    internal void RebuildIndexes()
    {
        var maintained = _indexes.Where(index => index.MaintainsEntries).ToArray();
        if (maintained.Length == 0) return;
        var documents = _records.ToArray();
        var slices = Math.Clamp(documents.Length / MinimumDocumentsPerRebuildSlice, 1, Environment.ProcessorCount);
        var entries = new List<IndexEntry>[slices, maintained.Length];
        var multikey = new bool[slices, maintained.Length];

        Parallel.For(0, slices, slice =>
        {
            var from = (int)((long)documents.Length * slice / slices);
            var to = (int)((long)documents.Length * (slice + 1) / slices);
            for (var i = 0; i < maintained.Length; i++) entries[slice, i] = new List<IndexEntry>(to - from);
            for (var position = from; position < to; position++)
            {
                var stored = documents[position];
                BsonDocument? document = null;
                for (var i = 0; i < maintained.Length; i++)
                {
                    var keys = maintained[i].KeysOf(stored, ref document);
                    multikey[slice, i] |= keys.IsMultikey;
                    foreach (var key in keys.Keys) entries[slice, i].Add(new IndexEntry(key, stored.Id.Value));
                }
            }
        });

        Parallel.For(0, maintained.Length, i =>
        {
            var total = 0;
            var anyMultikey = false;
            for (var slice = 0; slice < slices; slice++)
            {
                total += entries[slice, i].Count;
                anyMultikey |= multikey[slice, i];
            }
            var all = new List<IndexEntry>(total);
            for (var slice = 0; slice < slices; slice++) all.AddRange(entries[slice, i]);
            maintained[i].LoadEntries(all, anyMultikey);
        });
    }

    internal StoredDocument[] CaptureDocuments() => _records.ToArray();
}
