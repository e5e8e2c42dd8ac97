using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace NextLevel.Worker.Providers.DncScrub;

/// <summary>
/// The provider's request budget (50 requests a minute by default), shared by every client instance: a sliding
/// window of six segments, requests beyond the budget wait in order. [Singleton - ThreadSafe]
/// </summary>
public sealed class DncScrubRateLimiter : IDisposable
{
    private readonly SlidingWindowRateLimiter _limiter;

    public DncScrubRateLimiter(IOptions<DncScrubRndOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = o.RequestsPerWindow,
            Window = o.RateLimitWindow,
            SegmentsPerWindow = 6,
            QueueLimit = 100_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>Waits for a request permit (dispose the lease after the request).</summary>
    public async Task<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (lease.IsAcquired) return lease;
        lease.Dispose();
        throw new ProviderException(DncScrubRndClient.Provider, "The reassigned-number request queue is full.", new InvalidOperationException("rate limiter queue full"));
    }

    public void Dispose() => _limiter.Dispose();
}
