using Microsoft.AspNetCore.Components;
using MudBlazor;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Closers;
using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Components.Shared;

namespace NextLevel.Web.Components.Pages.Closers;

/// <summary>
/// Leads by stage; a card dropped on another stage asks the Api to move it, which the lead lifecycle allows or
/// refuses (400 with the reason: shown, and the card snaps back). Re-reads the board every few seconds.
/// </summary>
public partial class PipelinePage : IDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    [Inject] public required IDealsApi Deals { get; init; }
    [Inject] public required ICampaignsApi Campaigns { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    private IReadOnlyList<CampaignSummary> _campaigns = [];
    private string? _campaignId;
    private bool _mine;
    private List<BoardCard>? _cards;
    private MudDropContainer<BoardCard>? _container;
    private Exception? _error;
    private string? _moveError;
    private bool _boardChanged;
    private LiveRefresh? _poll;
    private readonly CancellationTokenSource _disposed = new();

    internal IReadOnlyList<BoardCard> Cards => _cards ?? [];

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            // The drop zones draw their cards themselves: tell them once the container has the new list.
            if (_boardChanged)
            {
                _boardChanged = false;
                _container?.Refresh();
            }
            return;
        }
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
        _poll = LiveRefresh.Start(Clock, PollInterval, () => InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }));
    }

    internal async Task LoadAsync()
    {
        try
        {
            var board = await Deals.PipelineAsync(_campaignId, _mine, _disposed.Token);
            _cards = [.. board.Stages.SelectMany(column => column.Leads.Select(lead => new BoardCard(lead, column.Stage)))];
            _error = null;
            _boardChanged = true;
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
        }
    }

    private Task OnCampaignChanged(string? id)
    {
        _campaignId = id;
        return LoadAsync();
    }

    private Task OnMineChanged(bool mine)
    {
        _mine = mine;
        return LoadAsync();
    }

    private Task OnDropped(MudItemDropInfo<BoardCard> drop) =>
        drop.Item is { } card && drop.DropzoneIdentifier != card.Stage ? MoveAsync(card, drop.DropzoneIdentifier) : Task.CompletedTask;

    /// <summary>Moves the card at once, then back with the Api's reason if the lifecycle refuses.</summary>
    internal async Task MoveAsync(BoardCard card, string stage)
    {
        var from = card.Stage;
        _moveError = null;
        card.Stage = stage;
        _container?.Refresh();
        try
        {
            await Deals.MoveStageAsync(card.Lead.LeadId, stage, _disposed.Token);
        }
        catch (ApiProblemException e) when (e.Status is 400 or 409 or 422)
        {
            card.Stage = from;
            _moveError = $"{card.Lead.Name ?? "The lead"} cannot move from {Vocabulary.Label(from)} to {Vocabulary.Label(stage)}: {ReasonOf(e)}";
            _container?.Refresh();
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            card.Stage = from;
            _error = e;
            _container?.Refresh();
        }
        StateHasChanged();
    }

    private static string ReasonOf(ApiProblemException e) =>
        e.Errors.Count == 0 ? e.Message : string.Join(" ", e.Errors.SelectMany(f => f.Value));

    public void Dispose()
    {
        _poll?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A lead on the board and the column it shows in (changed by a move, restored when refused).</summary>
public sealed class BoardCard(PipelineCard lead, string stage)
{
    public PipelineCard Lead { get; } = lead;

    public string Stage { get; set; } = stage;
}
