using System.Collections.Concurrent;
using NextLevel.Domain.Integrations;

namespace NextLevel.Api.Calls;

/// <summary>
/// Remembers the ElevenLabs signatures accepted within the tolerance window, so the same signed delivery is taken
/// once. A signature is claimed while its delivery is processed and released again if processing fails, so a
/// retry of an unacknowledged delivery is still accepted. [Singleton - ThreadSafe] Per process: the post-call
/// processing is idempotent on its own, this only refuses replays early.
/// </summary>
public sealed class SignatureReplayGuard(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>
    /// Claims <paramref name="signature"/> (signed at <paramref name="signedAt"/>); false when it was already claimed.
    /// A claim lasts as long as the signature itself passes the timestamp check: until signedAt + tolerance, and at
    /// least the tolerance from now (ElevenLabs sets no upper bound on timestamps).
    /// </summary>
    public bool TryClaim(string signature, DateTimeOffset signedAt)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        var expires = (signedAt > now ? signedAt : now) + ElevenLabsSignature.Tolerance;
        return _seen.TryAdd(signature, expires);
    }

    /// <summary>Gives a claim back (its delivery was not acknowledged).</summary>
    public void Release(string signature) => _seen.TryRemove(signature, out _);

    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep) return;
        _nextSweep = now + TimeSpan.FromMinutes(1);
        foreach (var (signature, expires) in _seen)
        {
            if (expires < now) _seen.TryRemove(signature, out _);
        }
    }
}
