using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Tests.Storage;

public sealed class SortedChunkListTests
{
    [Fact]
    public void Random_inserts_and_removes_keep_the_same_order_as_a_sorted_set()
    {
        var random = new Random(1234);
        var list = new SortedChunkList<int>(Comparer<int>.Default);
        var reference = new SortedSet<int>();
        for (var step = 0; step < 50_000; step++)
        {
            var value = random.Next(20_000);
            if (random.Next(3) == 0) Assert.Equal(reference.Remove(value), list.Remove(value));
            else Assert.Equal(reference.Add(value), list.Add(value));
        }
        Assert.Equal(reference.Count, list.Count);
        Assert.Equal(reference, list.WalkAll(forward: true));
        Assert.Equal(reference.Reverse(), list.WalkAll(forward: false));
        Assert.Equal(reference, list.ToArray());
    }

    [Fact]
    public void Walks_start_at_the_seek_position()
    {
        var list = new SortedChunkList<int>(Comparer<int>.Default);
        for (var i = 0; i < 5000; i += 2) list.Add(i);

        Assert.Equal([1000, 1002, 1004], list.WalkForward(x => x.CompareTo(999)).Take(3));
        Assert.Equal([1000, 1002], list.WalkForward(x => x.CompareTo(1000)).Take(2));
        Assert.Equal([998, 996], list.WalkBackward(x => x.CompareTo(999)).Take(2));
        Assert.Equal([1000, 998], list.WalkBackward(x => x.CompareTo(1000)).Take(2));
        Assert.Empty(list.WalkForward(x => x.CompareTo(10_000)));
        Assert.Empty(list.WalkBackward(x => x.CompareTo(-1)));
    }

    [Fact]
    public void Walks_continue_correctly_when_the_list_changes_underneath()
    {
        var list = new SortedChunkList<int>(Comparer<int>.Default);
        for (var i = 0; i < 3000; i++) list.Add(i * 10);

        var seen = new List<int>();
        foreach (var item in list.WalkForward(_ => 0))
        {
            seen.Add(item);
            list.Remove(item);
            if (item % 100 == 0) list.Add(item + 5);
        }
        Assert.Equal(Enumerable.Range(0, 3000).Select(i => i * 10).Concat(Enumerable.Range(0, 300).Select(i => i * 100 + 5)).Order(), seen.Order());
        Assert.Equal(seen.Order(), seen);

        var backward = new SortedChunkList<int>(Comparer<int>.Default);
        for (var i = 0; i < 3000; i++) backward.Add(i);
        var reversed = new List<int>();
        foreach (var item in backward.WalkBackward(_ => 0))
        {
            reversed.Add(item);
            backward.Remove(item - 1);
        }
        Assert.Equal(Enumerable.Range(0, 1500).Select(i => 2999 - 2 * i), reversed);
    }

    [Fact]
    public void Neighbors_find_the_items_around_a_position()
    {
        var list = new SortedChunkList<int>(Comparer<int>.Default);
        list.LoadSorted(Enumerable.Range(0, 2000).Select(i => i * 2));

        var (hasBefore, before, hasAfter, after) = list.Neighbors(x => x.CompareTo(1001));
        Assert.True(hasBefore && hasAfter);
        Assert.Equal((1000, 1002), (before, after));
        var first = list.Neighbors(x => x.CompareTo(-5));
        Assert.False(first.HasBefore);
        var last = list.Neighbors(x => x.CompareTo(99_999));
        Assert.False(last.HasAtOrAfter);
        Assert.Equal(3998, last.Before);
    }
}
