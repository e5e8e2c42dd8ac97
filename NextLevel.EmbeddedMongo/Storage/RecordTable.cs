namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>
/// A collection's documents: in record id order for scans, and by record id through a hash table for fetches. An
/// index scan fetches each document it finds by record id; with a million documents a search of the ordered list
/// touches about twenty scattered objects (a cache miss each), the hash table one or two.
/// [NotThreadSafe] callers hold the engine lock, as for <see cref="SortedChunkList{T}"/>.
/// </summary>
internal sealed class RecordTable
{
    private readonly SortedChunkList<StoredDocument> _ordered = new(StoredDocument.ByRecordId);
    private readonly Dictionary<long, StoredDocument> _byId = [];

    public int Count => _ordered.Count;

    /// <summary>Adds a document; false when its record id is already present.</summary>
    public bool Add(StoredDocument document)
    {
        if (!_byId.TryAdd(document.Id.Value, document)) return false;
        _ordered.Add(document);
        return true;
    }

    /// <summary>Replaces the document with the same record id; false when there is none.</summary>
    public bool Update(StoredDocument document)
    {
        if (!_byId.ContainsKey(document.Id.Value)) return false;
        _byId[document.Id.Value] = document;
        _ordered.Update(document);
        return true;
    }

    public bool Remove(StoredDocument document)
    {
        if (!_byId.Remove(document.Id.Value)) return false;
        _ordered.Remove(document);
        return true;
    }

    public StoredDocument? Get(long recordId) => _byId.GetValueOrDefault(recordId);

    /// <summary>Documents in record id order; safe to continue after the table changes (see <see cref="SortedChunkList{T}"/>).</summary>
    public IEnumerable<StoredDocument> WalkAll(bool forward) => _ordered.WalkAll(forward);

    public StoredDocument[] ToArray() => _ordered.ToArray();
}
