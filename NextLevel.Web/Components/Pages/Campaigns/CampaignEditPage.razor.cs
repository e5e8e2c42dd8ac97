using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Auth;

namespace NextLevel.Web.Components.Pages.Campaigns;

/// <summary>Create or edit a campaign: targeting (with a preview count), workflow steps, schedule, budget; pause/resume.</summary>
public partial class CampaignEditPage : IDisposable
{
    [Parameter] public string? Id { get; set; }
    [Inject] public required ICampaignsApi Campaigns { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    private bool IsNew => Id is null;
    private Campaign? _campaign;
    private CampaignMetrics? _metrics;
    private MudForm? _form;
    private bool _loading = true;
    private bool _busy;
    private bool _canEdit;
    private Exception? _loadError;
    private Exception? _saveError;
    private List<BreadcrumbItem> _breadcrumbs = [new("Campaigns", "/campaigns")];
    private readonly CancellationTokenSource _disposed = new();

    protected override async Task OnParametersSetAsync()
    {
        var user = Authentication is null ? null : (await Authentication).User;
        _canEdit = user is not null && StaffRoles.Managers.Split(',').Any(user.IsInRole);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _loadError = null;
        try
        {
            if (IsNew)
            {
                _campaign = NewCampaign(Clock.GetUtcNow());
                _metrics = null;
            }
            else
            {
                _campaign = await Campaigns.GetAsync(Id!, _disposed.Token);
                _metrics = _campaign is null ? null : await TryMetricsAsync(_campaign.Id!);
            }
            _breadcrumbs = [new("Campaigns", "/campaigns"), new(IsNew ? "New" : _campaign?.Name ?? "Campaign", null, disabled: true)];
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _loadError = e;
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task<CampaignMetrics?> TryMetricsAsync(string id)
    {
        try
        {
            return await Campaigns.MetricsAsync(id, _disposed.Token);
        }
        catch (ApiProblemException)
        {
            return null;
        }
    }

    /// <summary>A new campaign starts as a draft calling on weekdays 09:00–18:00 in New York time.</summary>
    internal static Campaign NewCampaign(DateTimeOffset today) => new()
    {
        ConversationStrategy = new ConversationStrategy
        {
            OpeningScript = "Hi {firstName}, this is an automated assistant calling for Next Level Real Estate about your property. "
                + "If you would rather not get these calls, say stop and we will remove you from our list.",
        },
        Targeting = new CampaignTargeting { LeadSources = ["google_ads", "zillow", "realgeeks"], Intent = ["seller"] },
        Workflow = new CampaignWorkflow { FollowUp = [new FollowUpStep { Delay = 86400, Method = "email", Template = "follow_up_day_1" }] },
        Schedule = new CampaignSchedule
        {
            StartDate = today.UtcDateTime.Date,
            CallingHours = new CallingHours { Monday = new(), Tuesday = new(), Wednesday = new(), Thursday = new(), Friday = new() },
        },
    };

    private async Task SaveAsync()
    {
        await _form!.ValidateAsync();
        if (!_form.IsValid)
        {
            Snackbar.Add("Some fields need attention: see the messages in red.", Severity.Warning);
            return;
        }
        var problem = CampaignValidation.Check(_campaign!);
        if (problem is not null)
        {
            Snackbar.Add(problem, Severity.Warning);
            return;
        }
        _busy = true;
        _saveError = null;
        try
        {
            var saved = IsNew ? await Campaigns.CreateAsync(_campaign!, _disposed.Token) : await Campaigns.UpdateAsync(_campaign!, _disposed.Token);
            Snackbar.Add(IsNew ? "Campaign created." : "Changes saved.", Severity.Success);
            if (IsNew)
            {
                Navigation.NavigateTo($"/campaigns/{saved.Id}");
            }
            else
            {
                _campaign = saved;
            }
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _saveError = e;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task TransitionAsync(string action)
    {
        _busy = true;
        try
        {
            _campaign = await Campaigns.TransitionAsync(_campaign!.Id!, action, _disposed.Token);
            Snackbar.Add($"Campaign {CampaignActions.Done(action)}.", Severity.Success);
        }
        catch (ApiProblemException e)
        {
            Snackbar.Add(e.UserMessage, Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
