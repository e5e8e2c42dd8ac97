using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NextLevel.Web.Auth;
using NextLevel.Web.LiveFeed;

namespace NextLevel.Web.Tests.LiveFeed;

public sealed class LiveFeedNotifierTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero));
    private readonly ScriptedSource _source = new();

    private StaffSession Session(string user, TimeSpan validFor) => new(user, $"{user}@example.com", user, ["closer"], "token-" + user, _clock.GetUtcNow() + validFor);

    [Fact]
    public async Task Every_subscriber_gets_only_new_events_from_one_shared_poll()
    {
        using var notifier = new LiveFeedNotifier(_source, _clock, NullLogger<LiveFeedNotifier>.Instance);
        var first = new List<LiveFeedEvent>();
        var second = new List<LiveFeedEvent>();
        using var a = notifier.Subscribe(Session("a", TimeSpan.FromHours(1)), e => { first.AddRange(e); return Task.CompletedTask; });
        using var b = notifier.Subscribe(Session("b", TimeSpan.FromHours(2)), e => { second.AddRange(e); return Task.CompletedTask; });
        _source.Next = [Event("lead", "1")];
        await notifier.PollAsync();
        _source.Next = [Event("lead", "1"), Event("call", "9")];
        await notifier.PollAsync();

        Assert.Equal(["lead:1", "call:9"], first.Select(e => e.Kind + ":" + e.Id));
        Assert.Equal(first, second);
        Assert.Equal("token-b", _source.Tokens[^1]);
    }

    [Fact]
    public async Task A_disposed_subscription_gets_nothing_more_and_the_last_one_stops_the_polls()
    {
        using var notifier = new LiveFeedNotifier(_source, _clock, NullLogger<LiveFeedNotifier>.Instance);
        var seen = new List<LiveFeedEvent>();
        var subscription = notifier.Subscribe(Session("a", TimeSpan.FromHours(1)), e => { seen.AddRange(e); return Task.CompletedTask; });
        subscription.Dispose();
        _source.Tokens.Clear();
        _source.Next = [Event("lead", "2")];

        await notifier.PollAsync();
        _clock.Advance(LiveFeedNotifier.PollInterval * 3);

        Assert.Empty(seen);
        Assert.Empty(_source.Tokens);
    }

    [Fact]
    public async Task Expired_sessions_are_never_used_to_poll()
    {
        using var notifier = new LiveFeedNotifier(_source, _clock, NullLogger<LiveFeedNotifier>.Instance);
        using var a = notifier.Subscribe(Session("a", TimeSpan.FromMinutes(1)), _ => Task.CompletedTask);
        _clock.Advance(TimeSpan.FromMinutes(2));
        _source.Tokens.Clear();

        await notifier.PollAsync();

        Assert.Empty(_source.Tokens);
    }

    private static LiveFeedEvent Event(string kind, string id) => new(kind, id, DateTimeOffset.UnixEpoch, kind, null, "/");

    private sealed class ScriptedSource : ILiveFeedSource
    {
        public IReadOnlyList<LiveFeedEvent> Next { get; set; } = [];
        public List<string> Tokens { get; } = [];

        public Task<IReadOnlyList<LiveFeedEvent>> ReadLatestAsync(StaffSession session, CancellationToken cancellationToken)
        {
            Tokens.Add(session.AccessToken);
            return Task.FromResult(Next);
        }
    }
}
