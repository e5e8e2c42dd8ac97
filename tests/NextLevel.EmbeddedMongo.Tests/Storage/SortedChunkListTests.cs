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
    public void Adding_with_neighbours_sees_the_items_around_the_insert_position_and_keeps_the_order()
    {
        var random = new Random(99);
        var list = new SortedChunkList<int>(Comparer<int>.Default);
        var reference = new SortedSet<int>();
        for (var step = 0; step < 20_000; step++)
        {
            var value = random.Next(30_000);
            var added = list.Add(value, (item, neighbours) =>
            {
                var below = reference.GetViewBetween(int.MinValue, item - 1);
                var above = reference.GetViewBetween(item + 1, int.MaxValue);
                Assert.Equal(below.Count > 0, neighbours.HasBefore);
                if (below.Count > 0) Assert.Equal(below.Max, neighbours.Before);
                Assert.Equal(above.Count > 0, neighbours.HasAfter);
                if (above.Count > 0) Assert.Equal(above.Min, neighbours.After);
                return item;
            });
            Assert.Equal(reference.Add(value), added);
        }
        Assert.Equal(reference, list.WalkAll(forward: true));
        Assert.Equal(reference.Reverse(), list.WalkAll(forward: false));
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
    public void Adding_with_neighbours_at_the_edges_and_in_the_middle_of_full_chunks()
    {
        var list = new SortedChunkList<int>(Comparer<int>.Default);
        list.LoadSorted(Enumerable.Range(0, 2000).Select(i => i * 2));
        var seen = new List<(bool, int, bool, int)>();
        int Record(int item, (bool HasBefore, int Before, bool HasAfter, int After) n)
        {
            seen.Add((n.HasBefore, n.HasBefore ? n.Before : 0, n.HasAfter, n.HasAfter ? n.After : 0));
            return item;
        }

        Assert.True(list.Add(1001, Record));
        Assert.True(list.Add(-5, Record));
        Assert.True(list.Add(99_999, Record));
        Assert.False(list.Add(1000, Record));

        Assert.Equal([(true, 1000, true, 1002), (false, 0, true, 0), (true, 3998, false, 0)], seen);
        Assert.Equal(2003, list.Count);
        Assert.Equal(list.WalkAll(forward: true).Order(), list.WalkAll(forward: true));
    }
}
