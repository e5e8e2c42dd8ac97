using Microsoft.AspNetCore.Components;
using MudBlazor;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Components.Shared;

namespace NextLevel.Web.Components.Pages.Leads;

/// <summary>One lead: contact, qualification, compliance (can-contact and its reasons), property with valuation, actions and timeline.</summary>
public partial class LeadDetailPage : IDisposable
{
    [Parameter] public string Id { get; set; } = "";
    [Inject] public required ILeadsApi Leads { get; init; }
    [Inject] public required UserTimeZone Zone { get; init; }

    private LeadDetail? _detail;
    private Exception? _error;
    private bool _loading = true;
    private LeadComplianceCard? _compliance;
    private readonly CancellationTokenSource _disposed = new();

    private List<BreadcrumbItem> _breadcrumbs = [new("Leads", "/leads")];

    protected override Task OnParametersSetAsync() => LoadAsync();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && !Zone.IsKnown)
        {
            await Zone.EnsureAsync();
            StateHasChanged();
        }
    }

    private async Task LoadAsync()
    {
        _error = null;
        try
        {
            _detail = await Leads.GetAsync(Id, _disposed.Token);
            _breadcrumbs = [new("Leads", "/leads"), new(_detail?.Lead.Contact?.FullName is { Length: > 0 } n ? n : "Lead", null, disabled: true)];
            if (_compliance is not null) await _compliance.RefreshAsync();
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
        }
        finally
        {
            _loading = false;
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
