using Microsoft.Extensions.Time.Testing;
using NextLevel.Web.Components.Shared;

namespace NextLevel.Web.Tests.Closers;

public sealed class LiveRefreshTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Refreshes_once_per_interval_and_never_after_disposal()
    {
        var calls = 0;
        var refresh = LiveRefresh.Start(_clock, TimeSpan.FromSeconds(5), () => { calls++; return Task.CompletedTask; });

        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, calls);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, calls);
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, calls);

        refresh.Dispose();
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, calls);
    }

    [Fact]
    public void A_tick_during_a_running_refresh_is_skipped()
    {
        var calls = 0;
        var running = new TaskCompletionSource();
        using var refresh = LiveRefresh.Start(_clock, TimeSpan.FromSeconds(1), () => { calls++; return running.Task; });

        _clock.Advance(TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, calls);

        running.SetResult();
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, calls);
    }

    [Theory]
    [InlineData(300, "5:00")]
    [InlineData(299.2, "5:00")]
    [InlineData(59, "0:59")]
    [InlineData(3725, "1:02:05")]
    [InlineData(0, "0:00")]
    [InlineData(-3, "0:00")]
    public void The_countdown_reads_minutes_and_seconds_left(double seconds, string expected) =>
        Assert.Equal(expected, Format.Countdown(TimeSpan.FromSeconds(seconds)));
}
