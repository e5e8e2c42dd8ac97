namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>
/// An ordered set kept as a list of small sorted chunks (a two-level B-tree): O(log n) seek, insert and remove,
/// cheap in-order and reverse walks, and about one reference or struct per item (no per-item node objects).
/// Appending items in ascending order (record ids, bulk index builds) fills chunks completely.
/// Walks tolerate mutation of the list between steps: after a change they re-seek from the last item returned,
/// as a storage cursor restores its position. [NotThreadSafe] callers hold the engine lock.
/// </summary>
internal sealed class SortedChunkList<T>
{
    private const int MaxChunkSize = 512;
    private const int InitialChunkCapacity = 16;

    private readonly IComparer<T> _comparer;
    private readonly List<Chunk> _chunks = [];

    public SortedChunkList(IComparer<T> comparer)
    {
        _comparer = comparer;
    }

    public int Count { get; private set; }

    /// <summary>Changes on every insert or remove; walks use it to notice they must re-seek.</summary>
    public long Version { get; private set; }

    public IComparer<T> Comparer => _comparer;

    /// <summary>Adds the item; false when an equal item is already present.</summary>
    public bool Add(T item)
    {
        if (_chunks.Count == 0)
        {
            _chunks.Add(new Chunk(item));
            Count++;
            Version++;
            return true;
        }

        var last = _chunks[^1];
        var byLast = _comparer.Compare(item, last.Items[last.Count - 1]);
        if (byLast == 0) return false;
        if (byLast > 0)
        {
            // Ascending appends fill the last chunk to the brim instead of splitting it in halves.
            if (last.Count == MaxChunkSize) _chunks.Add(new Chunk(item));
            else last.Insert(last.Count, item);
            Count++;
            Version++;
            return true;
        }

        var chunkIndex = FirstChunkWithLastAtLeast(item);
        var chunk = _chunks[chunkIndex];
        var position = Array.BinarySearch(chunk.Items, 0, chunk.Count, item, _comparer);
        if (position >= 0) return false;
        chunk.Insert(~position, item);
        if (chunk.Count > MaxChunkSize) _chunks.Insert(chunkIndex + 1, chunk.SplitUpperHalf());
        Count++;
        Version++;
        return true;
    }

    /// <summary>
    /// Adds the item with one search, letting <paramref name="prepare"/> replace it in view of the items that will
    /// be just before and just after it (the replacement must compare equal to the item); false when an equal item
    /// is already present.
    /// </summary>
    public bool Add(T item, Func<T, (bool HasBefore, T Before, bool HasAfter, T After), T> prepare)
    {
        var (chunkIndex, position) = LowerBound(x => _comparer.Compare(x, item));
        var hasAfter = chunkIndex < _chunks.Count;
        var after = hasAfter ? _chunks[chunkIndex].Items[position] : default!;
        if (hasAfter && _comparer.Compare(after, item) == 0) return false;
        (bool, T) before = position > 0 ? (true, _chunks[chunkIndex].Items[position - 1])
            : chunkIndex > 0 ? (true, _chunks[chunkIndex - 1].Items[_chunks[chunkIndex - 1].Count - 1])
            : (false, default!);
        item = prepare(item, (before.Item1, before.Item2, hasAfter, after));

        if (!hasAfter)
        {
            // Past the last item: ascending appends fill the last chunk to the brim.
            if (_chunks.Count == 0 || _chunks[^1].Count == MaxChunkSize) _chunks.Add(new Chunk(item));
            else _chunks[^1].Insert(_chunks[^1].Count, item);
        }
        else
        {
            var chunk = _chunks[chunkIndex];
            chunk.Insert(position, item);
            if (chunk.Count > MaxChunkSize) _chunks.Insert(chunkIndex + 1, chunk.SplitUpperHalf());
        }
        Count++;
        Version++;
        return true;
    }

    /// <summary>Removes the item equal to <paramref name="item"/>; false when absent.</summary>
    public bool Remove(T item)
    {
        if (!TryFind(item, out var chunkIndex, out var position)) return false;
        var chunk = _chunks[chunkIndex];
        chunk.RemoveAt(position);
        if (chunk.Count == 0) _chunks.RemoveAt(chunkIndex);
        Count--;
        Version++;
        return true;
    }

    /// <summary>Overwrites the stored item equal to <paramref name="item"/> (same sort key, new payload).</summary>
    public bool Update(T item)
    {
        if (!TryFind(item, out var chunkIndex, out var position)) return false;
        _chunks[chunkIndex].Items[position] = item;
        return true;
    }

    public bool TryGetValue(T probe, out T actual)
    {
        if (TryFind(probe, out var chunkIndex, out var position))
        {
            actual = _chunks[chunkIndex].Items[position];
            return true;
        }
        actual = default!;
        return false;
    }

    public void Clear()
    {
        _chunks.Clear();
        Count = 0;
        Version++;
    }

    /// <summary>Replaces the content with items already in ascending order and distinct (bulk build).</summary>
    public void LoadSorted(IEnumerable<T> ascendingItems)
    {
        Clear();
        foreach (var item in ascendingItems)
        {
            if (_chunks.Count == 0 || _chunks[^1].Count == MaxChunkSize) _chunks.Add(new Chunk(item));
            else _chunks[^1].Insert(_chunks[^1].Count, item);
            Count++;
        }
        Version++;
    }

    /// <summary>
    /// Walks in order starting at the first item for which <paramref name="seek"/> is &gt;= 0
    /// (seek returns the item's position relative to the target: negative = before it).
    /// </summary>
    public IEnumerable<T> WalkForward(Func<T, int> seek)
    {
        var version = Version;
        var (chunkIndex, position) = LowerBound(seek);
        var hasLast = false;
        T last = default!;
        while (true)
        {
            if (version != Version)
            {
                var resumeAfter = last;
                (chunkIndex, position) = hasLast ? LowerBound(x => _comparer.Compare(x, resumeAfter) <= 0 ? -1 : 0) : LowerBound(seek);
                version = Version;
            }
            if (chunkIndex >= _chunks.Count) yield break;
            var chunk = _chunks[chunkIndex];
            last = chunk.Items[position];
            hasLast = true;
            yield return last;
            if (++position >= chunk.Count)
            {
                chunkIndex++;
                position = 0;
            }
        }
    }

    /// <summary>Walks in reverse order starting at the last item for which <paramref name="seek"/> is &lt;= 0.</summary>
    public IEnumerable<T> WalkBackward(Func<T, int> seek)
    {
        var version = Version;
        var (chunkIndex, position) = LastAtOrBefore(seek);
        var hasLast = false;
        T last = default!;
        while (true)
        {
            if (version != Version)
            {
                var resumeBefore = last;
                (chunkIndex, position) = hasLast ? LastAtOrBefore(x => _comparer.Compare(x, resumeBefore) >= 0 ? 1 : 0) : LastAtOrBefore(seek);
                version = Version;
            }
            if (chunkIndex < 0) yield break;
            var chunk = _chunks[chunkIndex];
            last = chunk.Items[position];
            hasLast = true;
            yield return last;
            if (--position < 0)
            {
                chunkIndex--;
                position = chunkIndex >= 0 ? _chunks[chunkIndex].Count - 1 : 0;
            }
        }
    }

    public IEnumerable<T> WalkAll(bool forward) => forward ? WalkForward(static _ => 0) : WalkBackward(static _ => 0);

    /// <summary>Copies the items in order (checkpoints capture documents this way under the lock).</summary>
    public T[] ToArray()
    {
        var items = new T[Count];
        var offset = 0;
        foreach (var chunk in _chunks)
        {
            Array.Copy(chunk.Items, 0, items, offset, chunk.Count);
            offset += chunk.Count;
        }
        return items;
    }

    private bool TryFind(T item, out int chunkIndex, out int position)
    {
        position = -1;
        chunkIndex = FirstChunkWithLastAtLeast(item);
        if (chunkIndex >= _chunks.Count) return false;
        var chunk = _chunks[chunkIndex];
        position = Array.BinarySearch(chunk.Items, 0, chunk.Count, item, _comparer);
        return position >= 0;
    }

    /// <summary>Index of the first chunk whose last item is &gt;= item, or the last chunk when none is.</summary>
    private int FirstChunkWithLastAtLeast(T item)
    {
        int low = 0, high = _chunks.Count - 1;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var chunk = _chunks[middle];
            if (_comparer.Compare(chunk.Items[chunk.Count - 1], item) < 0) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private (int Chunk, int Position) LowerBound(Func<T, int> seek)
    {
        int low = 0, high = _chunks.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var chunk = _chunks[middle];
            if (seek(chunk.Items[chunk.Count - 1]) < 0) low = middle + 1;
            else high = middle;
        }
        if (low == _chunks.Count) return (low, 0);
        var found = _chunks[low];
        int first = 0, last = found.Count - 1;
        while (first < last)
        {
            var middle = (first + last) >>> 1;
            if (seek(found.Items[middle]) < 0) first = middle + 1;
            else last = middle;
        }
        return (low, first);
    }

    private (int Chunk, int Position) LastAtOrBefore(Func<T, int> seek)
    {
        var (chunkIndex, position) = LowerBound(x => seek(x) > 0 ? 0 : -1);
        if (chunkIndex >= _chunks.Count)
        {
            chunkIndex = _chunks.Count - 1;
            return chunkIndex < 0 ? (-1, 0) : (chunkIndex, _chunks[chunkIndex].Count - 1);
        }
        if (position > 0) return (chunkIndex, position - 1);
        chunkIndex--;
        return chunkIndex < 0 ? (-1, 0) : (chunkIndex, _chunks[chunkIndex].Count - 1);
    }

    private sealed class Chunk
    {
        public Chunk(T first)
        {
            Items = new T[InitialChunkCapacity];
            Items[0] = first;
            Count = 1;
        }

        private Chunk(T[] items, int count)
        {
            Items = items;
            Count = count;
        }

        public T[] Items { get; private set; }

        public int Count { get; private set; }

        public void Insert(int position, T item)
        {
            if (Count == Items.Length)
            {
                var grown = new T[Math.Min(Items.Length * 2, MaxChunkSize + 1)];
                Array.Copy(Items, grown, Count);
                Items = grown;
            }
            Array.Copy(Items, position, Items, position + 1, Count - position);
            Items[position] = item;
            Count++;
        }

        public void RemoveAt(int position)
        {
            Count--;
            Array.Copy(Items, position + 1, Items, position, Count - position);
            Items[Count] = default!;
        }

        public Chunk SplitUpperHalf()
        {
            var keep = Count / 2;
            var moved = Count - keep;
            var upper = new T[MaxChunkSize + 1];
            Array.Copy(Items, keep, upper, 0, moved);
            Array.Clear(Items, keep, moved);
            Count = keep;
            return new Chunk(upper, moved);
        }
    }
}
