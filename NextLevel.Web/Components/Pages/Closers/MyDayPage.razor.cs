using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Closers;
using NextLevel.Web.Components.Shared;

namespace NextLevel.Web.Components.Pages.Closers;

/// <summary>
/// A closer's day: leads offered to them with the claim countdown (ticking every second) and a Claim button, their
/// tasks due today or overdue, and today's site visits. Re-reads the Api every few seconds, so a lead another closer
/// claimed or a task someone reassigned changes here without reloading.
/// </summary>
public partial class MyDayPage : IDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan CountdownTick = TimeSpan.FromSeconds(1);

    [Inject] public required IRoutingApi Routing { get; init; }
    [Inject] public required IWorkApi Work { get; init; }
    [Inject] public required UserTimeZone Zone { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    private IReadOnlyList<OfferedLead>? _offers;
    private MyDay? _day;
    private Exception? _error;
    private string? _claimError;
    private string? _claiming;
    private string? _shiftError;
    private LiveRefresh? _poll;
    private LiveRefresh? _countdown;
    private readonly CancellationTokenSource _disposed = new();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        await Zone.EnsureAsync();
        await LoadAsync();
        StateHasChanged();
        _poll = LiveRefresh.Start(Clock, PollInterval, () => InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }));
        _countdown = LiveRefresh.Start(Clock, CountdownTick, () => InvokeAsync(StateHasChanged));
    }

    internal async Task LoadAsync()
    {
        try
        {
            var offers = Routing.MyOffersAsync(_disposed.Token);
            var day = Work.MyDayAsync(_disposed.Token);
            _offers = await offers;
            _day = await day;
            _error = null;
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
        }
    }

    internal async Task ClaimAsync(OfferedLead offer)
    {
        _claiming = offer.LeadId;
        _claimError = null;
        try
        {
            await Routing.ClaimAsync(offer.LeadId, _disposed.Token);
            Snackbar.Add($"{offer.Name ?? "The lead"} is yours now.", Severity.Success);
            Navigation.NavigateTo($"/leads/{offer.LeadId}");
        }
        catch (ApiProblemException e) when (e.Status is 409 or 404 or 400)
        {
            _claimError = $"Not claimed: {e.Message}";
            await LoadAsync();
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
        }
        finally
        {
            _claiming = null;
        }
    }

    private async Task CompleteAsync(LeadTask task)
    {
        try
        {
            await Work.UpdateTaskAsync(task.Id, new TaskPatch(Status: "done"), _disposed.Token);
            await LoadAsync();
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
        }
    }

    /// <summary>The signed-in closer edits their own time zone and shift (same Api route managers use; the Api allows it for oneself).</summary>
    internal async Task EditMyShiftAsync()
    {
        _shiftError = null;
        var user = Authentication is null ? null : (await Authentication).User;
        var myId = user?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (string.IsNullOrEmpty(myId))
        {
            _shiftError = "Your session does not say who you are: sign in again to edit your shift.";
            return;
        }
        CloserSummary? me;
        try
        {
            me = (await Routing.ClosersAsync(_disposed.Token)).FirstOrDefault(c => c.UserId == myId);
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
            return;
        }
        var parameters = new DialogParameters<CloserProfileDialog> { { d => d.UserId, myId } };
        if (me is not null)
        {
            parameters.Add(d => d.TimeZone, me.TimeZone);
            parameters.Add(d => d.Shift, me.Shift);
            parameters.Add(d => d.OpenLeadCap, me.OpenLeadCap);
            parameters.Add(d => d.Weight, me.Weight);
        }
        var dialog = await Dialogs.ShowAsync<CloserProfileDialog>("My shift", parameters);
        if (await dialog.Result is { Canceled: false }) Snackbar.Add("Your shift is saved: routing uses it from now on.", Severity.Success);
    }

    public void Dispose()
    {
        _poll?.Dispose();
        _countdown?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
