using Microsoft.AspNetCore.Components;
using MudBlazor;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Components.Shared;

namespace NextLevel.Web.Components.Pages.Reports;

/// <summary>Leads by stage and by status with conversion between steps and average score, by period, source and campaign.</summary>
public partial class FunnelPage : IDisposable
{
    [Inject] public required IDashboardApi Dashboard { get; init; }

    private string? _campaignId;
    private string? _source;
    private Period? _period;
    private FunnelReport? _report;
    private Exception? _error;
    private List<FunnelRow> _statusRows = [];
    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];
    private readonly CancellationTokenSource _disposed = new();

    private Task OnScopeChanged(ReportScope scope)
    {
        _campaignId = scope.CampaignId;
        _period = scope.Period;
        return LoadAsync();
    }

    private Task OnSourceChanged(string? source)
    {
        _source = source;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        _error = null;
        if (_period is null) return;
        try
        {
            _report = await Dashboard.FunnelAsync(_period.From, _period.To, _campaignId, _source, _disposed.Token);
            _statusRows = FunnelRow.Build(_report.Steps.Select(s => (s.Status, s.Count, s.AvgScore)), Vocabulary.LeadStatuses);
            _labels = [.. _statusRows.Select(r => r.Label)];
            _series = [new ChartSeries<double> { Name = "Leads", Data = new ChartData<double>([.. _statusRows.Select(r => (double)r.Count)]) }];
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
