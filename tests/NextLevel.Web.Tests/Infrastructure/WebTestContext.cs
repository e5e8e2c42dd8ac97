using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Closers;
using NextLevel.Web.Components.Shared;
using NextLevel.Web.LiveFeed;

namespace NextLevel.Web.Tests.Infrastructure;

/// <summary>A bUnit context with MudBlazor, the fake Api clients, a fake clock and a signed-in user of the given roles.</summary>
public abstract class WebTestContext : BunitContext, IAsyncLifetime
{
    protected FakeLeadsApi Leads { get; } = new();
    protected FakeCampaignsApi Campaigns { get; } = new();
    protected FakeDashboardApi Dashboard { get; } = new();
    protected FakeComplianceApi Compliance { get; } = new();
    protected FakeCallsApi Calls { get; } = new();
    protected FakeLiveFeedSource LiveFeed { get; } = new();
    protected FakeRoutingApi Routing { get; } = new();
    protected FakeWorkApi Work { get; } = new();
    protected FakeDealsApi Deals { get; } = new();
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero));
    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>Where dialogs open (set by RenderPage).</summary>
    protected IRenderedComponent<MudDialogProvider> DialogHost { get; private set; } = null!;

    protected WebTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<ILeadsApi>(Leads);
        Services.AddSingleton<ICampaignsApi>(Campaigns);
        Services.AddSingleton<IDashboardApi>(Dashboard);
        Services.AddSingleton<IComplianceApi>(Compliance);
        Services.AddSingleton<ICallsApi>(Calls);
        Services.AddSingleton<IRoutingApi>(Routing);
        Services.AddSingleton<IWorkApi>(Work);
        Services.AddSingleton<IDealsApi>(Deals);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddScoped<UserTimeZone>();
        Services.AddSingleton<ILiveFeedSource>(LiveFeed);
        Services.AddSingleton<LiveFeedNotifier>();
        Services.AddLogging();
        Authorization = AddAuthorization();
        Authorization.SetAuthorized("Alex Admin");
        Authorization.SetRoles("admin");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only IAsyncDisposable: the container must be disposed asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>The input (or textarea) of a MudBlazor field, whether the test id sits on it or on its wrapper.</summary>
    protected static AngleSharp.Dom.IElement Field(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> component, string testId)
    {
        var element = component.Find($"[data-testid={testId}]");
        return element.LocalName is "input" or "textarea" ? element : element.QuerySelector("input, textarea") ?? element;
    }

    /// <summary>Renders a page under MudBlazor's providers (popovers, dialogs, snackbars), as the layout does.</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null) where TPage : IComponent
    {
        Render<MudPopoverProvider>();
        DialogHost = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return Render(parameters ?? (_ => { }));
    }
}
