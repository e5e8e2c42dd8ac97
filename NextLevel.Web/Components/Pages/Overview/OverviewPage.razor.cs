using Microsoft.AspNetCore.Components;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Components.Shared;

namespace NextLevel.Web.Components.Pages.Overview;

/// <summary>Today's and the chosen period's KPIs, each with its trend versus the previous period, and the live feed.</summary>
public partial class OverviewPage : IDisposable
{
    [Inject] public required IDashboardApi Dashboard { get; init; }
    [Inject] public required UserTimeZone Zone { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    private string _preset = "30d";
    private Period? _range;
    private KpiReport? _today;
    private KpiReport? _period;
    private Exception? _error;
    private readonly CancellationTokenSource _disposed = new();

    private string PeriodLabel => _preset switch { "today" => "Today", "7d" => "Last 7 days", "90d" => "Last 90 days", "custom" => "Chosen period", _ => "Last 30 days" };

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        await Zone.EnsureAsync();
        await LoadAsync();
        StateHasChanged();
    }

    private async Task OnPeriodChanged(Period period)
    {
        _range = period;
        _period = null;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _error = null;
        var today = Period.FromPreset("today", Zone, Clock);
        _range ??= Period.FromPreset(_preset, Zone, Clock);
        try
        {
            var todayTask = Dashboard.KpisAsync(today.From, today.To, compare: true, _disposed.Token);
            var periodTask = Dashboard.KpisAsync(_range.From, _range.To, compare: false, _disposed.Token);
            // Today's figures are a small read: show them while the period's are still being counted. The period's
            // trend needs the period before it counted too: that comes after, so the figures show in half the time.
            _today = await todayTask;
            StateHasChanged();
            _period = await periodTask;
            StateHasChanged();
            var previous = await Dashboard.KpisAsync(_range.From - (_range.To - _range.From), _range.From, compare: false, _disposed.Token);
            _period = _period with { Previous = previous.Current };
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
        }
    }

    internal static double? Change(KpiReport report, Func<KpiValues, double?> value) =>
        report.Previous is { } previous ? Format.Change(value(report.Current), value(previous)) : null;

    internal static double? Change(KpiReport report, Func<KpiValues, long> value) =>
        report.Previous is { } previous ? Format.Change(value(report.Current), value(previous)) : null;

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
