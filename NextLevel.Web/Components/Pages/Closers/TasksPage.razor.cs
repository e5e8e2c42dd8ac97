using Microsoft.AspNetCore.Components;
using MudBlazor;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Closers;
using NextLevel.Web.Components.Shared;

namespace NextLevel.Web.Components.Pages.Closers;

/// <summary>Tasks filtered by owner (mine, everyone, one closer), status, type and overdue; done or cancelled in one click.</summary>
public partial class TasksPage : IDisposable
{
    internal const string Anyone = "*";
    private const string TaskDone = "done";
    private const string TaskCancelled = "cancelled";

    [Inject] public required IWorkApi Work { get; init; }
    [Inject] public required IRoutingApi Routing { get; init; }
    [Inject] public required UserTimeZone Zone { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }

    private string _owner = "me";
    private string? _status = "open";
    private string? _type;
    private bool _overdue;
    private IReadOnlyList<LeadTask>? _tasks;
    private IReadOnlyList<CloserSummary> _closers = [];
    private Exception? _error;
    private readonly CancellationTokenSource _disposed = new();

    internal TaskFilter Filter => new(_owner == Anyone ? null : _owner, _status, _overdue ? true : null, _type);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        await Zone.EnsureAsync();
        try
        {
            _closers = await Routing.ClosersAsync(_disposed.Token);
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            // The owner filter keeps "mine" and "everyone"; the list below reports the Api's state itself.
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
            _tasks = await Work.TasksAsync(Filter, _disposed.Token);
            _error = null;
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
        }
    }

    private async Task SetStatusAsync(LeadTask task, string status)
    {
        try
        {
            await Work.UpdateTaskAsync(task.Id, new TaskPatch(Status: status), _disposed.Token);
            await LoadAsync();
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
        }
    }

    /// <summary>Due time, owner and priority in a dialog (it patches the task itself); the list is read again after a save.</summary>
    private async Task EditAsync(LeadTask task)
    {
        var parameters = new DialogParameters<TaskEditDialog> { { d => d.Task, task }, { d => d.Closers, _closers } };
        var dialog = await Dialogs.ShowAsync<TaskEditDialog>("Edit task", parameters);
        if (await dialog.Result is { Canceled: false }) await LoadAsync();
    }

    internal static Color PriorityColor(string? priority) => priority switch
    {
        "urgent" => Color.Error,
        "high" => Color.Warning,
        "low" => Color.Default,
        _ => Color.Info,
    };

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
