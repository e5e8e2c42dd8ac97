namespace NextLevel.AppHost.Hosting.ApplicationModel;

/// <summary>A fixed-capacity buffer that drops its oldest item when full. [Not ThreadSafe: the owner locks.]</summary>
public sealed class CircularBuffer<T>(int capacity)
{
    private readonly T[] _items = new T[capacity];
    private int _start;

    public int Count { get; private set; }

    public void Add(T item)
    {
        if (Count < _items.Length)
        {
            _items[(_start + Count) % _items.Length] = item;
            Count++;
        }
        else
        {
            _items[_start] = item;
            _start = (_start + 1) % _items.Length;
        }
    }

    /// <summary>The item at <paramref name="index"/>, 0 being the oldest kept.</summary>
    public T this[int index] => _items[(_start + index) % _items.Length];

    public T[] ToArray()
    {
        var copy = new T[Count];
        for (var i = 0; i < Count; i++)
        {
            copy[i] = _items[(_start + i) % _items.Length];
        }
        return copy;
    }
}
