using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Components.Shared;

namespace NextLevel.Web.Components.Pages.Compliance;

/// <summary>Internal DNC management (add, look up, end), the internal list, and the age of each registry import.</summary>
public partial class DncManagementPage
{
    [Inject] public required IComplianceApi Compliance { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required UserTimeZone Zone { get; init; }

    private MudForm? _form;
    private MudDataGrid<DncEntry>? _grid;
    private readonly KeysetPager _pager = new();
    private int _pageSize;
    private string? _phone;
    private string? _reason;
    private string? _lookupPhone;
    private IReadOnlyList<DncEntry>? _lookup;
    private IReadOnlyList<DncImportStatus> _imports = [];
    private Exception? _error;
    private bool _loaded;
    private Exception? _importsError;
    private bool _busy;

    protected override Task OnInitializedAsync() => LoadImportsAsync();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && !Zone.IsKnown)
        {
            await Zone.EnsureAsync();
            StateHasChanged();
        }
    }

    private async Task LoadImportsAsync()
    {
        _importsError = null;
        try
        {
            _imports = await Compliance.DncImportsAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _importsError = e;
        }
    }

    private async Task<GridData<DncEntry>> LoadAsync(GridState<DncEntry> state, CancellationToken cancellationToken)
    {
        if (state.PageSize != _pageSize)
        {
            _pager.Reset();
            _pageSize = state.PageSize;
        }
        _error = null;
        try
        {
            var (page, cursor) = _pager.StartFor(state.Page);
            DncPage result;
            while (true)
            {
                result = await Compliance.DncListAsync("internal", cursor, state.PageSize, cancellationToken);
                _pager.Record(page, result.NextCursor);
                if (page == state.Page || result.NextCursor is null) break;
                page++;
                cursor = result.NextCursor;
            }
            var total = state.Page * state.PageSize + result.Items.Count + (result.NextCursor is null ? 0 : state.PageSize);
            _loaded = true;
            return new GridData<DncEntry> { Items = result.Items, TotalItems = total };
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
            _loaded = true;
            return new GridData<DncEntry> { Items = [], TotalItems = 0 };
        }
    }

    private Task ReloadAsync()
    {
        _pager.Reset();
        return _grid?.ReloadServerData() ?? Task.CompletedTask;
    }

    internal static string? CheckPhone(string? phone) =>
        phone is not null && Regex.IsMatch(phone.Trim(), @"^\+[1-9][0-9]{7,14}$") ? null : "Enter the phone in international form, e.g. +15551234567.";

    private async Task AddAsync()
    {
        await _form!.ValidateAsync();
        if (!_form.IsValid) return;
        await RunAsync(() => Compliance.AddToDncAsync(_phone!.Trim(), new DncAddRequest(string.IsNullOrWhiteSpace(_reason) ? null : _reason.Trim(), null), CancellationToken.None),
            "Added to the internal do-not-call list.");
        _reason = null;
    }

    private async Task LookUpAsync()
    {
        await _form!.ValidateAsync();
        if (!_form.IsValid) return;
        try
        {
            _lookupPhone = _phone!.Trim();
            _lookup = await Compliance.DncEntriesAsync(_lookupPhone, CancellationToken.None);
        }
        catch (ApiProblemException e)
        {
            Snackbar.Add(e.UserMessage, Severity.Error);
        }
    }

    private async Task RemoveAsync(string phone)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("End the internal DNC entry",
            "Only end an entry when the person asked to be contacted again, in writing. The entry is kept as ended, not deleted.", yesText: "End entry", cancelText: "Cancel");
        if (confirmed != true) return;
        await RunAsync(() => Compliance.RemoveFromDncAsync(phone, CancellationToken.None), "The internal DNC entry was ended.");
    }

    private async Task RunAsync(Func<Task> action, string done)
    {
        _busy = true;
        try
        {
            await action();
            Snackbar.Add(done, Severity.Success);
            await ReloadAsync();
        }
        catch (ApiProblemException e)
        {
            Snackbar.Add(e.UserMessage, Severity.Error);
        }
        catch (HttpRequestException)
        {
            Snackbar.Add("The Api cannot be reached; nothing was changed. Try again.", Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}
