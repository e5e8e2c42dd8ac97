using Microsoft.AspNetCore.Components;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Closers;
using NextLevel.Web.Components.Shared;

namespace NextLevel.Web.Components.Pages.Closers;

/// <summary>
/// The week's site visits (Monday to Sunday in the user's time zone): the closer's own, or any closer's for managers.
/// Re-reads the Api every few seconds, so a visit booked or changed by someone else appears without reloading.
/// </summary>
public partial class CalendarPage : IDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    internal const string Everyone = "*";
    private const string AppointmentCompleted = "completed";
    private const string AppointmentNoShow = "no_show";
    private const string AppointmentCancelled = "cancelled";

    [Inject] public required IWorkApi Work { get; init; }
    [Inject] public required IRoutingApi Routing { get; init; }
    [Inject] public required UserTimeZone Zone { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [CascadingParameter] private Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState>? Authentication { get; set; }

    private DateTime _weekStart;
    private string _closerId = "me";
    private IReadOnlyList<Appointment>? _visits;
    private IReadOnlyList<CloserSummary> _closers = [];
    private Exception? _error;
    private LiveRefresh? _poll;
    private readonly CancellationTokenSource _disposed = new();

    private DateTime Today => Zone.Now(Clock).Date;

    private string WeekLabel => $"{_weekStart:MMM d} – {_weekStart.AddDays(6):MMM d, yyyy}";

    internal static DateTime MondayOf(DateTime day) => day.Date.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        await Zone.EnsureAsync();
        _weekStart = MondayOf(Today);
        if (Authentication is not null && (await Authentication).User is { } user && !user.IsInRole(Auth.StaffRoles.Closer))
        {
            _closerId = Everyone;
        }
        try
        {
            _closers = await Routing.ClosersAsync(_disposed.Token);
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            // Only the closer filter is missing; the week itself still loads.
        }
        await LoadAsync();
        StateHasChanged();
        _poll = LiveRefresh.Start(Clock, PollInterval, () => InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }));
    }

    private async Task LoadAsync()
    {
        try
        {
            _visits = await Work.AppointmentsAsync(_closerId == Everyone ? null : _closerId,
                Zone.StartOfDay(_weekStart), Zone.StartOfDay(_weekStart.AddDays(7)), _disposed.Token);
            _error = null;
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
        }
    }

    private List<Appointment> VisitsOn(DateTime day) =>
        [.. (_visits ?? []).Where(v => Zone.ToLocal(v.StartsAt).Date == day).OrderBy(v => v.StartsAt)];

    private Task ShiftAsync(int days)
    {
        _weekStart = _weekStart.AddDays(days);
        return LoadAsync();
    }

    private Task ThisWeekAsync()
    {
        _weekStart = MondayOf(Today);
        return LoadAsync();
    }

    private Task OnCloserChanged(string closerId)
    {
        _closerId = closerId;
        return LoadAsync();
    }

    private async Task SetStatusAsync(Appointment visit, string status)
    {
        try
        {
            await Work.UpdateAppointmentAsync(visit.Id, new AppointmentPatch(status, null), _disposed.Token);
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
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
