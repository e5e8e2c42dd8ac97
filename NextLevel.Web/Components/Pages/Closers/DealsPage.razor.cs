using Microsoft.AspNetCore.Components;
using MudBlazor;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Closers;
using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Components.Shared;

namespace NextLevel.Web.Components.Pages.Closers;

/// <summary>Deals (GET /api/deals) filtered by campaign and status, each linking to its lead; figures are the Api's records.</summary>
public partial class DealsPage : IDisposable
{
    [Inject] public required IDealsApi DealsApi { get; init; }
    [Inject] public required ICampaignsApi Campaigns { get; init; }
    [Inject] public required UserTimeZone Zone { get; init; }

    private IReadOnlyList<CampaignSummary> _campaigns = [];
    private string? _campaignId;
    private string? _status;
    private IReadOnlyList<Deal>? _deals;
    private Exception? _error;
    private readonly CancellationTokenSource _disposed = new();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        await Zone.EnsureAsync();
        try
        {
            _campaigns = await Campaigns.ListAsync(null, _disposed.Token);
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            // The campaign filter stays empty; the deals below report the Api's state themselves.
        }
        await LoadAsync();
        StateHasChanged();
    }

    private async Task ApplyAsync(Action change)
    {
        change();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _deals = await DealsApi.DealsAsync(_campaignId, _status, _disposed.Token);
            _error = null;
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
        }
    }

    private string CampaignName(string? campaignId) =>
        campaignId is null ? "—" : _campaigns.FirstOrDefault(c => c.Id == campaignId)?.Name ?? campaignId;

    internal static Color StatusColor(string status) => status switch
    {
        "closed" => Color.Success,
        "cancelled" => Color.Default,
        _ => Color.Info,
    };

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
