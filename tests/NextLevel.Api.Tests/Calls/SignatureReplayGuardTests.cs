using Microsoft.Extensions.Time.Testing;
using NextLevel.Api.Calls;

namespace NextLevel.Api.Tests.Calls;

public class SignatureReplayGuardTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_signature_is_taken_once_until_released()
    {
        var guard = new SignatureReplayGuard(_clock);

        Assert.True(guard.TryClaim("t=1,v0=a", _clock.GetUtcNow()));
        Assert.False(guard.TryClaim("t=1,v0=a", _clock.GetUtcNow()));
        Assert.True(guard.TryClaim("t=1,v0=b", _clock.GetUtcNow()));

        guard.Release("t=1,v0=a");

        Assert.True(guard.TryClaim("t=1,v0=a", _clock.GetUtcNow()));
    }

    [Fact]
    public void A_claim_is_forgotten_once_its_signature_would_be_stale_anyway()
    {
        var guard = new SignatureReplayGuard(_clock);
        var now = _clock.GetUtcNow();
        Assert.True(guard.TryClaim("present", now));
        Assert.True(guard.TryClaim("future", now.AddHours(2)));

        _clock.Advance(TimeSpan.FromMinutes(31));

        Assert.True(guard.TryClaim("present", now));
        Assert.False(guard.TryClaim("future", now.AddHours(2)));
    }
}
