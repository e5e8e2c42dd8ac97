using Microsoft.JSInterop;

namespace NextLevel.Web.Components.Shared;

/// <summary>
/// The browser's IANA time zone, read once per circuit, so dates show in the user's own time. Until the browser
/// has answered (prerendering) dates show in UTC. [Scoped - one per circuit]
/// </summary>
public sealed class UserTimeZone(IJSRuntime js)
{
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public bool IsKnown { get; private set; }

    public async Task EnsureAsync()
    {
        if (IsKnown) return;
        try
        {
            var id = await js.InvokeAsync<string>("eval", "Intl.DateTimeFormat().resolvedOptions().timeZone");
            if (id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                Zone = zone;
            }
            IsKnown = true;
        }
        catch (InvalidOperationException)
        {
            // Prerendering: no browser yet.
        }
        catch (JSException)
        {
            IsKnown = true;
        }
    }

    public DateTimeOffset ToLocal(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Zone);

    public DateTimeOffset Now(TimeProvider clock) => ToLocal(clock.GetUtcNow());

    /// <summary>The UTC instant at which the given local calendar day starts.</summary>
    public DateTimeOffset StartOfDay(DateTime day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);
}
