using System.Threading.RateLimiting;
using NextLevel.Api.Calls;
using NextLevel.Api.Closers;
using NextLevel.Api.Campaigns;
using NextLevel.Api.Compliance;
using NextLevel.Api.Compliance.Evidence;
using NextLevel.Api.Dashboard;
using NextLevel.Api.Identity;
using NextLevel.Api.Intake;
using NextLevel.Api.Leads;
using NextLevel.Api.Persistence;
using NextLevel.Api.Properties;
using NextLevel.Domain.Persistence;
using Scalar.AspNetCore;

namespace NextLevel.Api.Extensions;

internal static class Extensions
{
    /// <summary>The rate limiter policy of every public webhook (per remote address).</summary>
    public const string WebhookRateLimit = "webhooks";

    /// <summary>Largest request body accepted by default; CSV and DNC imports raise it on their own endpoints.</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        DomainMongoMappings.Register();
        builder.AddMongoDBClient("mongodb");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<CatalogueInitializer>();

        builder.Services.AddProblemDetails();
        // Enums in JSON as the seed spells them (google_ads, site_visit), as they are stored.
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
            o.SerializerOptions.Converters.Add(new ObjectIdJsonConverter());
        });
        builder.Services.AddOpenApi();
        // Schemes are added by Identity (JWT bearer); the services must exist for the pipeline even before.
        builder.Services.AddAuthentication();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Staff, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.All))
            .AddPolicy(StaffPolicies.Managers, p => p.RequireRole(StaffRoles.Admin, StaffRoles.CampaignManager))
            .AddPolicy(StaffPolicies.Compliance, p => p.RequireRole(StaffRoles.Admin, StaffRoles.Compliance, StaffRoles.Ops))
            .AddPolicy(StaffPolicies.Admins, p => p.RequireRole(StaffRoles.Admin));
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = DefaultMaxRequestBodyBytes);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(WebhookRateLimit, context => RateLimitPartition.GetTokenBucketLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = builder.Configuration.GetValue("Webhooks:RateLimit:Burst", 2000),
                    TokensPerPeriod = builder.Configuration.GetValue("Webhooks:RateLimit:PerSecond", 1000),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });

        builder.AddIdentity();
        builder.AddIntake();
        builder.AddLeads();
        builder.AddProperties();
        builder.AddCampaigns();
        builder.AddDashboard();
        builder.AddCompliance();
        builder.AddEvidence();
        builder.AddCalls();
        builder.AddClosers();
        builder.AddClosing();
    }

    public static void UseApplicationPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi();
        app.MapScalarApiReference();
    }
}
