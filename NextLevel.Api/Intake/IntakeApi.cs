using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NextLevel.Api.Identity;
using NextLevel.Api.Intake.Canonical;
using NextLevel.Api.Intake.Import;
using NextLevel.Api.Intake.Pipeline;
using NextLevel.Api.Intake.Providers;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Leads.Normalization;
using static NextLevel.Api.Intake.Pipeline.IntakeProblems;

namespace NextLevel.Api.Intake;

/// <summary>
/// Lead intake: the three provider webhooks, the canonical staff form and the CSV import. Every path ends in
/// <see cref="LeadIntakeService"/>: 201 + Location for a new lead, 200 with the stored lead for a repeat.
/// </summary>
public static class IntakeApi
{
    public static void AddIntake(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<IntakeOptions>(builder.Configuration.GetSection(IntakeOptions.Section));
        // The staff endpoints below are authorised; the authentication services are idempotent to add (Identity adds its schemes).
        builder.Services.AddAuthentication();
        builder.Services.AddSingleton<ActiveCampaigns>();
        builder.Services.AddSingleton<DncLookup>();
        builder.Services.AddSingleton<LeadUpdateService>();
        builder.Services.AddSingleton<ContactLinker>();
        builder.Services.AddSingleton<PropertyLinker>();
        builder.Services.AddSingleton<LeadIntakeService>();
        builder.Services.AddSingleton<LeadImportRegistry>();
        builder.Services.AddSingleton<LeadImportStore>();
        builder.Services.AddSingleton<LeadImportUpload>();
        builder.Services.AddSingleton<LeadImportWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LeadImportWorker>());
    }

    public static RouteGroupBuilder MapIntakeApi(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/webhooks/leads").WithTags("Lead intake webhooks").RequireRateLimiting(Extensions.Extensions.WebhookRateLimit).AllowAnonymous();
        webhooks.MapPost("/google-ads", GoogleAdsAsync).Accepts<GoogleAdsLead>("application/json").WithSummary("Google Ads lead form webhook (google_key in the body)");
        webhooks.MapPost("/zillow", ZillowAsync).Accepts<ZillowLead>("application/x-www-form-urlencoded", "application/json").WithSummary("Zillow lead post (form-encoded, or JSON with the same names); X-Zillow-Secret header");
        webhooks.MapPost("/realgeeks", RealGeeksAsync).Accepts<RealGeeksLead>("application/json").WithSummary("Real Geeks Lead Router delivery; X-Lead-Router-Signature = hex HMAC-SHA256 of the body");

        var staff = app.MapGroup("/api/leads").WithTags("Lead intake");
        staff.MapPost("/", CreateAsync).Accepts<CanonicalLead>("application/json").RequireAuthorization(StaffPolicies.Staff).WithSummary("Create a lead (canonical JSON)");
        staff.MapPost("/import", ImportAsync).Accepts<Stream>("text/csv").RequireAuthorization(StaffPolicies.Managers).WithSummary("Import leads from a CSV body (text/csv, up to 100 MB); 202 with the import's status URL");
        staff.MapGet("/import/{id}", GetImport).RequireAuthorization(StaffPolicies.Managers).WithName("GetLeadImport").WithSummary("Progress and row errors of a CSV import");
        return webhooks;
    }

    internal static async Task<Results<Created<IntakeResponse>, Ok<IntakeResponse>, ValidationProblem, ProblemHttpResult>> GoogleAdsAsync(
        HttpContext http, [AsParameters] IntakeServices services, CancellationToken cancellationToken)
    {
        if (await RequestBody.ReadBoundedAsync(http.Request, cancellationToken) is not { } body) return TooLarge();
        GoogleAdsLead? payload;
        try
        {
            payload = JsonSerializer.Deserialize<GoogleAdsLead>(body, GoogleAdsLead.Json);
        }
        catch (JsonException e)
        {
            return FromJson(e);
        }
        if (payload is null) return Field("body", "A JSON object is required.");
        if (!WebhookSecrets.SharedSecretMatches(payload.GoogleKey, services.Settings.GoogleAds.Key))
        {
            IntakeLog.Unauthenticated(services.Logger, "google_ads");
            return Unauthorized("google_key");
        }
        if (string.IsNullOrWhiteSpace(payload.LeadId)) return Field("lead_id", "Required.");
        var context = IntakeContext.From(http, "google_ads", payload.IsTest == true);
        var submission = GoogleAdsLeadMapper.ToSubmission(payload, services.Settings.GoogleAds, services.Now, context.IpAddress, context.UserAgent);
        return await IngestAsync(submission, context, services, cancellationToken);
    }

    internal static async Task<Results<Created<IntakeResponse>, Ok<IntakeResponse>, ValidationProblem, ProblemHttpResult>> ZillowAsync(
        HttpContext http, [AsParameters] IntakeServices services, CancellationToken cancellationToken)
    {
        if (!WebhookSecrets.SharedSecretMatches(http.Request.Headers["X-Zillow-Secret"].FirstOrDefault(), services.Settings.Zillow.Secret))
        {
            IntakeLog.Unauthenticated(services.Logger, "zillow");
            return Unauthorized("X-Zillow-Secret");
        }
        if (await RequestBody.ReadBoundedAsync(http.Request, cancellationToken) is not { } body) return TooLarge();
        ZillowLead? lead;
        if (http.Request.HasFormContentType)
        {
            lead = ZillowLead.FromForm(Encoding.UTF8.GetString(body));
        }
        else if (http.Request.HasJsonContentType())
        {
            try
            {
                lead = JsonSerializer.Deserialize<ZillowLead>(body, ZillowLead.Json);
            }
            catch (JsonException e)
            {
                return FromJson(e);
            }
        }
        else
        {
            return UnsupportedMediaType("application/x-www-form-urlencoded or application/json");
        }
        if (lead is null) return Field("body", "A lead is required.");
        if (string.IsNullOrWhiteSpace(lead.ListingId) && string.IsNullOrWhiteSpace(lead.LeadId)) return Field("listingId", "Required.");
        return await IngestAsync(ZillowLeadMapper.ToSubmission(lead), IntakeContext.From(http, "zillow"), services, cancellationToken);
    }

    internal static async Task<Results<Created<IntakeResponse>, Ok<IntakeResponse>, ValidationProblem, ProblemHttpResult>> RealGeeksAsync(
        HttpContext http, [AsParameters] IntakeServices services, CancellationToken cancellationToken)
    {
        if (await RequestBody.ReadBoundedAsync(http.Request, cancellationToken) is not { } body) return TooLarge();
        if (!WebhookSecrets.HmacSha256HexMatches(body, http.Request.Headers["X-Lead-Router-Signature"].FirstOrDefault(), services.Settings.RealGeeks.Secret))
        {
            IntakeLog.Unauthenticated(services.Logger, "realgeeks");
            return Unauthorized("X-Lead-Router-Signature");
        }
        RealGeeksLead? lead;
        try
        {
            lead = JsonSerializer.Deserialize<RealGeeksLead>(body, RealGeeksLead.Json);
        }
        catch (JsonException e)
        {
            return FromJson(e);
        }
        if (lead is null) return Field("body", "A JSON object is required.");
        var externalId = RealGeeksLeadMapper.ExternalIdOf(lead.Id);
        if (string.IsNullOrWhiteSpace(externalId)) return Field("id", "Required.");
        var context = IntakeContext.From(http, "realgeeks");
        var action = RealGeeksUpdate.ActionOf(http.Request.Headers["X-Lead-Router-Action"].FirstOrDefault(), lead);
        // An update of a lead we never saw creates it, as Real Geeks would expect; one we have is merged.
        if (RealGeeksUpdate.IsUpdate(action) && await services.Updates.FindAsync(LeadSource.RealGeeks, externalId, cancellationToken) is { } stored)
        {
            var update = action == RealGeeksUpdate.Updated ? RealGeeksUpdate.ContactUpdateOf(body) : new ContactUpdate();
            var outcome = await services.Updates.ApplyAsync(stored, update, RealGeeksUpdate.ActivityNotes(lead, services.Now), context, cancellationToken);
            return outcome.Lead is { } updated ? TypedResults.Ok(updated) : TypedResults.ValidationProblem(outcome.Errors);
        }
        return await IngestAsync(RealGeeksLeadMapper.ToSubmission(lead), context, services, cancellationToken);
    }

    internal static async Task<Results<Created<IntakeResponse>, Ok<IntakeResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpContext http, [AsParameters] IntakeServices services, CancellationToken cancellationToken)
    {
        if (!http.Request.HasJsonContentType()) return UnsupportedMediaType("application/json");
        if (await RequestBody.ReadBoundedAsync(http.Request, cancellationToken) is not { } body) return TooLarge();
        CanonicalLead? lead;
        try
        {
            lead = JsonSerializer.Deserialize<CanonicalLead>(body, CanonicalLead.Json);
        }
        catch (JsonException e)
        {
            return FromJson(e);
        }
        if (lead is null) return Field("body", "A JSON object is required.");
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var submission = CanonicalLeadMapper.ToSubmission(lead, services.Now, errors);
        if (submission is null) return TypedResults.ValidationProblem(errors);
        return await IngestAsync(submission, IntakeContext.From(http, ActorOf(http.User)), services, cancellationToken);
    }

    internal static async Task<Results<Accepted<ImportStatus>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        HttpContext http, [AsParameters] IntakeServices services, CancellationToken cancellationToken)
    {
        var contentType = http.Request.ContentType ?? "";
        if (!contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) && !contentType.StartsWith("application/csv", StringComparison.OrdinalIgnoreCase))
            return UnsupportedMediaType("text/csv");
        if (http.Request.ContentLength > services.Imports.MaxBytes) return TooLarge();
        RequestBody.AllowBodyUpTo(http, services.Imports.MaxBytes);
        var upload = await services.Imports.AcceptAsync(http.Request.Body, ActorOf(http.User), cancellationToken);
        if (upload.TooLarge) return TooLarge();
        if (upload.Errors is not null) return TypedResults.ValidationProblem(upload.Errors);
        return TypedResults.Accepted($"/api/leads/import/{upload.Import!.Id}", ImportStatus.From(upload.Import));
    }

    /// <summary>Live counters while this instance runs the import, else the stored ones (up to its last checkpoint).</summary>
    internal static async Task<Results<Ok<ImportStatus>, NotFound>> GetImport(string id, [AsParameters] IntakeServices services, CancellationToken cancellationToken)
    {
        if (services.Registry.Running(id) is { } running) return TypedResults.Ok(running.Status());
        return await services.ImportStore.FindAsync(id, cancellationToken) is { } stored ? TypedResults.Ok(ImportStatus.From(stored)) : TypedResults.NotFound();
    }

    private static async Task<Results<Created<IntakeResponse>, Ok<IntakeResponse>, ValidationProblem, ProblemHttpResult>> IngestAsync(
        LeadSubmission submission, IntakeContext context, IntakeServices services, CancellationToken cancellationToken)
    {
        var normalized = LeadNormalizer.Normalize(submission);
        if (!normalized.IsValid) return TypedResults.ValidationProblem(normalized.Errors);
        var result = await services.Intake.IngestAsync(normalized.Lead!, context, cancellationToken);
        return result.Duplicate ? TypedResults.Ok(result) : TypedResults.Created($"/api/leads/{result.Id}", result);
    }

    private static string ActorOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "staff";
}
