using Microsoft.AspNetCore.Components;
using MudBlazor;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Closers;
using NextLevel.Web.Components.Shared;

namespace NextLevel.Web.Components.Pages.Closers;

/// <summary>Edits one closer's routing profile; closes with the saved <see cref="CloserProfileUpdate"/> once the Api accepted it.</summary>
public partial class CloserProfileDialog : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();

    internal static readonly IReadOnlyList<string> Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>The IANA zones this machine knows, sorted (the Api validates the same names).</summary>
    internal static readonly IReadOnlyList<string> Zones = [.. TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.HasIanaId ? z.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(z.Id, out var iana) ? iana : null)
        .OfType<string>().Append("UTC").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] public required IRoutingApi Routing { get; init; }

    [Parameter, EditorRequired] public required string UserId { get; set; }
    [Parameter] public string? TimeZone { get; set; }
    [Parameter] public CloserShift? Shift { get; set; }
    [Parameter] public int OpenLeadCap { get; set; } = 20;
    [Parameter] public double Weight { get; set; } = 1;

    private string? _timeZone;
    private readonly HashSet<string> _days = new(StringComparer.Ordinal);
    private string? _start;
    private string? _end;
    private int _cap;
    private double _weight;
    private bool _saving;
    private string? _message;
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    protected override void OnInitialized()
    {
        _timeZone = TimeZone ?? "UTC";
        _days.UnionWith(Shift?.Days ?? ["mon", "tue", "wed", "thu", "fri"]);
        _start = Shift?.Start ?? "09:00";
        _end = Shift?.End ?? "17:00";
        _cap = OpenLeadCap;
        _weight = Weight;
    }

    private void Toggle(string day, bool on)
    {
        if (on) _days.Add(day);
        else _days.Remove(day);
    }

    private Task<IEnumerable<string>> SearchZonesAsync(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text) ? Zones : Zones.Where(z => z.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));

    /// <summary>The Api's message for a field (keys as the Api names them, any casing).</summary>
    private string? Problem(string field) =>
        _errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } messages ? string.Join(" ", messages) : null;

    internal async Task SaveAsync()
    {
        _saving = true;
        _message = null;
        _errors = new Dictionary<string, string[]>();
        var profile = new CloserProfileUpdate(_timeZone ?? "", new CloserShift([.. Days.Where(_days.Contains)], (_start ?? "").Trim(), (_end ?? "").Trim()), _cap, _weight);
        try
        {
            await Routing.UpdateCloserProfileAsync(UserId, profile, _disposed.Token);
            Dialog.Close(DialogResult.Ok(profile));
        }
        catch (ApiProblemException e) when (e.Status == 400)
        {
            _errors = e.Errors;
            _message = e.Errors.Count == 0 ? e.UserMessage : "Some fields need a change: see the messages beside them.";
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _message = ApiError.Describe(e);
        }
        finally
        {
            _saving = false;
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
