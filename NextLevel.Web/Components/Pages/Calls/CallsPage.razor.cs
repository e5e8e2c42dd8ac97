using Microsoft.AspNetCore.Components;
using MudBlazor;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Components.Shared;

namespace NextLevel.Web.Components.Pages.Calls;

/// <summary>Calls, newest first, filtered by outcome, status, campaign and day, paged by the Api's cursors.</summary>
public partial class CallsPage : IDisposable
{
    [Inject] public required ICallsApi Calls { get; init; }
    [Inject] public required ICampaignsApi Campaigns { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required UserTimeZone Zone { get; init; }

    private MudDataGrid<CallSummary>? _grid;
    private CallFilter _filter = new(null, null, null, null, null, null);
    private DateTime? _from;
    private DateTime? _to;
    private IReadOnlyList<CampaignSummary> _campaigns = [];
    private readonly KeysetPager _pager = new();
    private string? _pagedKey;
    private Exception? _error;
    private bool _loaded;
    private readonly CancellationTokenSource _disposed = new();

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _campaigns = await Campaigns.ListAsync(null, _disposed.Token);
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && !Zone.IsKnown)
        {
            await Zone.EnsureAsync();
            StateHasChanged();
        }
    }

    private async Task<GridData<CallSummary>> LoadAsync(GridState<CallSummary> state, CancellationToken cancellationToken)
    {
        var key = _filter + "|" + state.PageSize;
        if (key != _pagedKey)
        {
            _pager.Reset();
            _pagedKey = key;
        }
        _error = null;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        try
        {
            var (page, cursor) = _pager.StartFor(state.Page);
            CallPage result;
            while (true)
            {
                result = await Calls.ListAsync(_filter, cursor, state.PageSize, linked.Token);
                _pager.Record(page, result.NextCursor);
                if (page == state.Page || result.NextCursor is null) break;
                page++;
                cursor = result.NextCursor;
            }
            var total = result.Total ?? state.Page * state.PageSize + result.Items.Count + (result.NextCursor is null ? 0 : state.PageSize);
            _loaded = true;
            return new GridData<CallSummary> { Items = result.Items, TotalItems = (int)Math.Min(total, int.MaxValue) };
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
            _loaded = true;
            return new GridData<CallSummary> { Items = [], TotalItems = 0 };
        }
    }

    private Task ApplyAsync(CallFilter filter)
    {
        _filter = filter;
        return _grid.ReloadFromFirstPageAsync();
    }

    private Task ApplyDatesAsync(DateTime? from, DateTime? to)
    {
        _from = from;
        _to = to;
        return ApplyAsync(_filter with
        {
            From = from is { } f ? Zone.StartOfDay(f) : null,
            To = to is { } t ? Zone.StartOfDay(t.AddDays(1)) : null,
        });
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
