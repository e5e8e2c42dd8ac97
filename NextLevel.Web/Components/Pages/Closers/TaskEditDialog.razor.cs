using Microsoft.AspNetCore.Components;
using MudBlazor;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Closers;
using NextLevel.Web.Components.Shared;

namespace NextLevel.Web.Components.Pages.Closers;

/// <summary>Edits a task's due time (in the user's time zone), owner and priority; sends only what changed and closes with the Api's task.</summary>
public partial class TaskEditDialog : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] public required IWorkApi Work { get; init; }
    [Inject] public required UserTimeZone Zone { get; init; }

    [Parameter, EditorRequired] public required LeadTask Task { get; set; }
    [Parameter] public IReadOnlyList<CloserSummary> Closers { get; set; } = [];

    private string? _due;
    private string? _owner;
    private string _priority = "normal";
    private DateTimeOffset? _nextAllowed;
    private bool _saving;
    private string? _message;
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    protected override void OnInitialized()
    {
        _due = LocalTime.ToInput(Task.DueAt, Zone);
        _owner = Task.OwnerId;
        _priority = Task.Priority;
    }

    private string? Problem(string field) =>
        _errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } messages ? string.Join(" ", messages) : null;

    private void UseNextAllowed()
    {
        if (_nextAllowed is { } next) _due = LocalTime.ToInput(next, Zone);
        _nextAllowed = null;
        _errors = new Dictionary<string, string[]>();
        _message = null;
    }

    internal async Task SaveAsync()
    {
        _message = null;
        _errors = new Dictionary<string, string[]>();
        _nextAllowed = null;
        var due = LocalTime.Parse(_due, Zone);
        if (due is null)
        {
            _errors = new Dictionary<string, string[]> { ["dueAt"] = ["Give a due date and time."] };
            return;
        }
        var patch = new TaskPatch(
            DueAt: due.Value == Task.DueAt ? null : due,
            OwnerId: _owner == Task.OwnerId ? null : _owner,
            Priority: _priority == Task.Priority ? null : _priority);
        if (patch is { DueAt: null, OwnerId: null, Priority: null })
        {
            Dialog.Cancel();
            return;
        }
        _saving = true;
        try
        {
            Dialog.Close(DialogResult.Ok(await Work.UpdateTaskAsync(Task.Id, patch, _disposed.Token)));
        }
        catch (ApiProblemException e) when (e.Status == 400)
        {
            _errors = e.Errors;
            _nextAllowed = e.NextAllowedAt;
            if (e.Errors.Count == 0) _message = e.UserMessage;
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
