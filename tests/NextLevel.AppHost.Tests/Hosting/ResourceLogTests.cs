using NextLevel.AppHost.Hosting.ApplicationModel;

namespace NextLevel.AppHost.Tests.Hosting;

public class ResourceLogTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Following_gives_the_kept_lines_after_a_sequence_then_new_ones()
    {
        var log = new ResourceLog(TimeProvider.System);
        log.Append("first", isError: false);
        log.Append("second", isError: true);
        using var stop = new CancellationTokenSource(Timeout);

        await using var lines = log.FollowAsync(afterSequence: 1, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await lines.MoveNextAsync());
        Assert.Equal((2, "second", true), (lines.Current.Sequence, lines.Current.Text, lines.Current.IsError));

        var next = lines.MoveNextAsync();
        log.Append("third", isError: false);
        Assert.True(await next);
        Assert.Equal((3, "third"), (lines.Current.Sequence, lines.Current.Text));
    }

    [Fact]
    public void Buffer_keeps_only_the_newest_lines()
    {
        var buffer = new CircularBuffer<int>(3);
        foreach (var value in Enumerable.Range(1, 5))
        {
            buffer.Add(value);
        }

        Assert.Equal([3, 4, 5], buffer.ToArray());
    }
}
