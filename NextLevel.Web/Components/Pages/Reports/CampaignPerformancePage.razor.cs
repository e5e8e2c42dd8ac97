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
    [Inject] public required ICampaignsApi Campaigns { get; init; }
    [Inject] public required UserTimeZone Zone { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [SupplyParameterFromQuery(Name = "campaignId")] public string? CampaignIdQuery { get; set; }

    private IReadOnlyList<Campaign> _campaigns = [];
    private string? _campaignId;
    private Period? _period;
    private CampaignPerformanceReport? _report;
    private Exception? _error;
    private List<ChartSeries<double>> _countSeries = [];
    private string[] _labels = [];
    private List<ChartSeries<double>> _sourceSeries = [];
    private string[] _sourceLabels = [];
    private readonly CancellationTokenSource _disposed = new();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        await Zone.EnsureAsync();
        _campaignId = CampaignIdQuery;
        try
        {
            _campaigns = await Campaigns.ListAsync(null, _disposed.Token);
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
        }
        await LoadAsync();
        StateHasChanged();
    }

    private Task OnCampaignChanged(string? id)
    {
        _campaignId = id;
        return LoadAsync();
    }

    private Task OnPeriodChanged(Period period)
    {
        _period = period;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        _error = null;
        _period ??= Period.FromPreset("30d", Zone, Clock);
        try
        {
            _report = await Dashboard.CampaignPerformanceAsync(_campaignId, _period.From, _period.To, _disposed.Token);
            _labels = [.. _report.Outcomes.Select(o => Vocabulary.Label(o.Outcome ?? "none"))];
            _countSeries = [new ChartSeries<double> { Name = "Calls", Data = new ChartData<double>([.. _report.Outcomes.Select(o => (double)o.Count)]) }];
            var sources = _report.Sources ?? [];
            _sourceLabels = [.. sources.Select(s => Vocabulary.Label(s.Source))];
            _sourceSeries = [new ChartSeries<double> { Name = "Leads", Data = new ChartData<double>([.. sources.Select(s => (double)s.Leads)]) }];
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
