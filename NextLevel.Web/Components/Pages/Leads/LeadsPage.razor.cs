using Microsoft.AspNetCore.Components;
using MudBlazor;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Components.Shared;

namespace NextLevel.Web.Components.Pages.Leads;

/// <summary>
/// The leads grid: paged, sorted and filtered by the Api (keyset cursors), with instant search and every filter
/// kept in the URL so it can be bookmarked, shared and exported as CSV.
/// </summary>
public partial class LeadsPage : IDisposable
{
    [Inject] public required ILeadsApi Leads { get; init; }
    [Inject] public required ICampaignsApi Campaigns { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required UserTimeZone Zone { get; init; }

    internal LeadFilter Filter { get; private set; } = new();

    private MudDataGrid<LeadSummary>? _grid;
    private readonly KeysetPager _pager = new();
    private IReadOnlyList<CampaignSummary> _campaigns = [];
    private long? _total;
    private string? _pagedKey;
    private Exception? _error;
    private bool _loaded;
    private readonly CancellationTokenSource _disposed = new();

    private string? QualifiedText => Filter.Qualified?.ToString();

    private string ExportHref => "/leads/export.csv" + Filter.ToQuery(Zone.Zone);

    protected override async Task OnInitializedAsync()
    {
        Filter = LeadFilter.FromPageQuery(new Uri(Navigation.Uri).Query);
        try
        {
            _campaigns = await Campaigns.ListAsync(null, _disposed.Token);
        }
        catch (ApiProblemException)
        {
            // The campaign filter stays empty; the grid itself still works.
        }
        catch (HttpRequestException)
        {
            // As above: the grid reports the Api's state itself.
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

    /// <summary>MudDataGrid's ServerData: one Api page per grid page, forward from the nearest known cursor.</summary>
    internal async Task<GridData<LeadSummary>> LoadAsync(GridState<LeadSummary> state, CancellationToken cancellationToken)
    {
        var sort = ApiSort(state.SortDefinitions.FirstOrDefault());
        var filter = Filter with { Sort = sort ?? Filter.Sort };
        var key = filter.ToPageQuery() + "|" + state.PageSize;
        if (key != _pagedKey)
        {
            _pager.Reset();
            _total = null;
            _pagedKey = key;
        }
        _error = null;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        try
        {
            var (page, cursor) = _pager.StartFor(state.Page);
            LeadPage result;
            while (true)
            {
                result = await Leads.ListAsync(filter, Zone.Zone, cursor, state.PageSize, includeTotal: _total is null, linked.Token);
                _total ??= result.Total;
                _pager.Record(page, result.NextCursor);
                if (page == state.Page || result.NextCursor is null) break;
                page++;
                cursor = result.NextCursor;
            }
            var total = _total ?? (state.Page * state.PageSize + result.Items.Count + (result.NextCursor is null ? 0 : state.PageSize));
            _loaded = true;
            return new GridData<LeadSummary> { Items = result.Items, TotalItems = (int)Math.Min(total, int.MaxValue) };
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
            _loaded = true;
            return new GridData<LeadSummary> { Items = [], TotalItems = 0 };
        }
    }

    /// <summary>
    /// The grid's sort column and direction to the Api's sort orders (each index-backed both ways): receivedAt,
    /// score and name, with ".asc" or ".desc" when the grid asks for the other way than the field's natural order
    /// (newest first, highest first, A to Z).
    /// </summary>
    internal static string? ApiSort(SortDefinition<LeadSummary>? sort) => sort?.SortBy switch
    {
        nameof(LeadSummary.ReceivedAt) => sort.Descending ? "receivedAt" : "receivedAt.asc",
        nameof(LeadSummary.Score) => sort.Descending ? "score" : "score.asc",
        nameof(LeadSummary.LastName) => sort.Descending ? "name.desc" : "name",
        _ => null,
    };

    private Task OnSearchChanged(string? text) => ApplyAsync(Filter with { Q = string.IsNullOrWhiteSpace(text) ? null : text.Trim() });

    internal async Task ApplyAsync(LeadFilter filter)
    {
        Filter = filter;
        // The URL carries the filter (saved filters); replace keeps the back button for real navigation.
        var path = new Uri(Navigation.Uri).GetLeftPart(UriPartial.Path);
        Navigation.NavigateTo(path + Filter.ToPageQuery(), forceLoad: false, replace: true);
        await _grid.ReloadFromFirstPageAsync();
    }

    private Task ClearAsync() => ApplyAsync(new LeadFilter());

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private void OpenLead(DataGridRowClickEventArgs<LeadSummary> row) => Navigation.NavigateTo($"/leads/{row.Item.Id}");

    internal static Color StatusColor(string? status) => status switch
    {
        "new" => Color.Info,
        "contacted" => Color.Primary,
        "qualified" => Color.Success,
        "converted" => Color.Success,
        "lost" => Color.Default,
        "dnc" => Color.Error,
        _ => Color.Secondary,
    };

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
