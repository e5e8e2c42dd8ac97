using Microsoft.AspNetCore.Components;
using MudBlazor;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Components.Shared;

namespace NextLevel.Web.Components.Pages.Reports;

/// <summary>The seed's campaign performance pipeline per campaign and period (chart and table), and leads by source.</summary>
public partial class CampaignPerformancePage : IDisposable
{
    [Inject] public required IDashboardApi Dashboard { get; init; }
    [SupplyParameterFromQuery(Name = "campaignId")] public string? CampaignIdQuery { get; set; }

    private int _campaignCount;
    private string? _campaignId;
    private Period? _period;
    private CampaignPerformanceReport? _report;
    private IReadOnlyList<SourceAttribution> _sources = [];
    private bool _loaded;
    private Exception? _error;
    private List<ChartSeries<double>> _countSeries = [];
    private string[] _labels = [];
    private List<ChartSeries<double>> _sourceSeries = [];
    private string[] _sourceLabels = [];
    private readonly CancellationTokenSource _disposed = new();

    private async Task OnScopeChanged(ReportScope scope)
    {
        _campaignId = scope.CampaignId;
        _period = scope.Period;
        _loaded = true;
        _campaignCount = scope.CampaignCount;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _error = null;
        if (_campaignId is null || _period is null) return;
        try
        {
            var sources = Task.WhenAll(Vocabulary.LeadSources.Select(source => AttributionAsync(_campaignId, source, _period)));
            _report = await Dashboard.CampaignPerformanceAsync(_campaignId, _period.From, _period.To, _disposed.Token);
            _sources = await sources;
            _labels = [.. _report.Outcomes.Select(o => Vocabulary.Label(o.Outcome ?? "none"))];
            _countSeries = [new ChartSeries<double> { Name = "Calls", Data = new ChartData<double>([.. _report.Outcomes.Select(o => (double)o.Count)]) }];
            _sourceLabels = [.. _sources.Select(s => Vocabulary.Label(s.Source))];
            _sourceSeries = [new ChartSeries<double> { Name = "Leads", Data = new ChartData<double>([.. _sources.Select(s => (double)s.Leads)]) }];
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
        }
    }

    /// <summary>The funnel narrowed to one source: its leads, how many are qualified and converted, their average score.</summary>
    private async Task<SourceAttribution> AttributionAsync(string campaignId, string source, Period period)
    {
        var funnel = await Dashboard.FunnelAsync(period.From, period.To, campaignId, source, _disposed.Token);
        var leads = funnel.Steps.Sum(s => s.Count);
        var scored = funnel.Steps.Where(s => s.AvgScore is not null).ToList();
        double? avg = scored.Sum(s => s.Count) is > 0 and var n ? scored.Sum(s => s.AvgScore!.Value * s.Count) / n : null;
        return new SourceAttribution(source, leads, funnel.Steps.Where(s => s.Status == "qualified").Sum(s => s.Count),
            funnel.Steps.Where(s => s.Status == "converted").Sum(s => s.Count), avg);
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
