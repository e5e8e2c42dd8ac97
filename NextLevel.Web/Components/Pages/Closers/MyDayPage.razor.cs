using Microsoft.AspNetCore.Components;
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

    private IReadOnlyList<OfferedLead>? _offers;
    private MyDay? _day;
    private Exception? _error;
    private string? _claimError;
    private string? _claiming;
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

    public void Dispose()
    {
        _poll?.Dispose();
        _countdown?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
