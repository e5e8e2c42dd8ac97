using Microsoft.AspNetCore.Components;
using MudBlazor;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Closers;
using NextLevel.Web.ApiClient.Models;

namespace NextLevel.Web.Components.Pages.Closers;

/// <summary>A campaign's routing rules (mode, claim window, offers before the pool), editable by managers, beside its closers' shifts and loads.</summary>
public partial class RoutingRulesPage : IDisposable
{
    [Inject] public required IRoutingApi Routing { get; init; }
    [Inject] public required ICampaignsApi Campaigns { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }

    private IReadOnlyList<CampaignSummary> _campaigns = [];
    private string? _campaignId;
    private CampaignRouting? _routing;
    private string _mode = "round_robin";
    private int _claimWindowSeconds = 300;
    private int _maxOffers = 3;
    private bool _loaded;
    private bool _saving;
    private string? _saveError;
    private Exception? _error;
    private readonly CancellationTokenSource _disposed = new();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        try
        {
            _campaigns = await Campaigns.ListAsync(null, _disposed.Token);
            _campaignId = _campaigns.FirstOrDefault(c => c.Status == "active")?.Id ?? (_campaigns.Count > 0 ? _campaigns[0].Id : null);
            _loaded = true;
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
        }
        await LoadAsync();
        StateHasChanged();
    }

    private Task OnCampaignChanged(string id)
    {
        _campaignId = id;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (_campaignId is null) return;
        try
        {
            Show(await Routing.GetCampaignRoutingAsync(_campaignId, _disposed.Token));
            _error = null;
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
        }
    }

    private void Show(CampaignRouting routing)
    {
        _routing = routing;
        _mode = routing.Mode;
        _claimWindowSeconds = routing.ClaimWindowSeconds;
        _maxOffers = routing.MaxOffers;
        _saveError = null;
    }

    internal async Task SaveAsync()
    {
        if (_campaignId is null) return;
        _saving = true;
        _saveError = null;
        try
        {
            Show(await Routing.UpdateCampaignRoutingAsync(_campaignId, new RoutingRulesUpdate(_mode, _claimWindowSeconds, _maxOffers), _disposed.Token));
            Snackbar.Add("Routing rules saved.", Severity.Success);
        }
        catch (ApiProblemException e) when (e.Status is 400 or 409)
        {
            _saveError = e.UserMessage;
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>Opens the closer's profile dialog (it saves through the Api itself); on save the team is read again.</summary>
    internal async Task EditProfileAsync(RoutingCloser closer)
    {
        var parameters = new DialogParameters<CloserProfileDialog>
        {
            { d => d.UserId, closer.UserId },
            { d => d.TimeZone, closer.TimeZone },
            { d => d.Shift, closer.Shift },
            { d => d.OpenLeadCap, closer.OpenLeadCap },
            { d => d.Weight, closer.Weight },
        };
        var dialog = await Dialogs.ShowAsync<CloserProfileDialog>($"Routing profile: {closer.DisplayName ?? closer.UserId}", parameters);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("Closer profile saved.", Severity.Success);
            await LoadAsync();
        }
    }

    internal static string ShiftText(CloserShift? shift, string? timeZone) =>
        shift is null ? "No shift set" : $"{string.Join(", ", shift.Days.Select(Vocabulary.Label))} {shift.Start}–{shift.End} ({timeZone ?? "UTC"})";

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
