using Microsoft.AspNetCore.Authentication.Cookies;
using MudBlazor.Services;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Closers;
using NextLevel.Web.Auth;
using NextLevel.Web.Components.Shared;
using NextLevel.Web.LiveFeed;

namespace NextLevel.Web.Extensions;

public static class Extensions
{
    /// <summary>Blazor with MudBlazor, cookie sign-in holding the Api token, the typed Api clients and the live feed.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = AccountPaths.SignIn;
                options.AccessDeniedPath = "/forbidden";
                options.Cookie.Name = "nextlevel.staff";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.SlidingExpiration = false;
                options.Events.OnValidatePrincipal = CookieSessionValidation.ValidateAsync;
            });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();

        services.AddSingleton(TimeProvider.System);
        services.AddHttpClient(ApiConnection.ClientName, client => client.BaseAddress = new Uri("https+http://api"));
        services.AddScoped<ApiConnection>();
        services.AddScoped<IAuthApi, AuthApiClient>();
        services.AddScoped<ILeadsApi, LeadsApiClient>();
        services.AddScoped<ICampaignsApi, CampaignsApiClient>();
        services.AddScoped<IDashboardApi, DashboardApiClient>();
        services.AddScoped<IComplianceApi, ComplianceApiClient>();
        services.AddScoped<ICallsApi, CallsApiClient>();
        services.AddScoped<IRoutingApi, RoutingApiClient>();
        services.AddScoped<IWorkApi, WorkApiClient>();
        services.AddScoped<IDealsApi, DealsApiClient>();
        services.AddScoped<UserTimeZone>();

        services.AddSingleton<ILiveFeedSource, LiveFeedSource>();
        services.AddSingleton<LiveFeedNotifier>();
    }
}
