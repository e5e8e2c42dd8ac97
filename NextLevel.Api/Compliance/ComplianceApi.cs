using NextLevel.Api.Identity;
using NextLevel.Domain.Compliance;

namespace NextLevel.Api.Compliance;

/// <summary>
/// Compliance (TCPA): the can-contact decision, consent grant and revoke, the internal Do-Not-Call list, registry
/// imports and Twilio's inbound-SMS webhook (revocation words). Rules: docs/compliance.md.
/// </summary>
public static class ComplianceApi
{
    public static void AddCompliance(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ComplianceService>();
        builder.Services.AddSingleton<ConsentRecords>();
        builder.Services.AddSingleton<DncRegistry>();
        builder.Services.AddSingleton<DncImporter>();
        builder.Services.AddSingleton<InboundReplies>();
        builder.Services.AddSingleton<Domain.Compliance.Reassigned.ReassignedNumberChecks>();
        if (builder.Configuration.GetValue<bool>(DemoDnc.DemoNationalDncStartup.Setting))
            builder.Services.AddHostedService<DemoDnc.DemoNationalDncStartup>();
        // One Twilio account signs every webhook: the token the Calls webhooks and the Worker's simulator use
        // (Providers:Twilio:AuthToken) is read first; a Twilio section may override both values.
        builder.Services.Configure<TwilioWebhookOptions>(builder.Configuration.GetSection(TwilioWebhookOptions.Section));
        builder.Services.Configure<TwilioWebhookOptions>(o =>
        {
            o.AuthToken ??= builder.Configuration["Providers:Twilio:AuthToken"];
            o.PublicBaseUrl ??= builder.Configuration["Webhooks:PublicBaseUrl"] ?? builder.Configuration["Providers:Twilio:WebhookBaseUrl"];
        });
    }

    public static RouteGroupBuilder MapComplianceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Compliance");

        var staff = group.MapGroup("").RequireAuthorization(StaffPolicies.Staff);
        staff.MapGet("/api/compliance/can-contact/{leadId}", CanContactEndpoints.CanContactAsync).WithName("CanContact");
        staff.MapPost("/api/leads/{id}/consent", ConsentEndpoints.GrantAsync).WithName("GrantConsent");
        staff.MapPost("/api/leads/{id}/consent/revoke", ConsentEndpoints.RevokeAsync).WithName("RevokeConsent");
        staff.MapGet("/api/compliance/dnc/{phone}", DncEndpoints.GetAsync).WithName("GetDncEntries");
        staff.MapPost("/api/compliance/dnc/{phone}", DncEndpoints.AddAsync).WithName("AddInternalDnc");
        staff.MapDelete("/api/compliance/dnc/{phone}", DncEndpoints.RemoveAsync).WithName("RemoveInternalDnc");
        staff.MapGet("/api/compliance/reassigned-checks/{phone}", ReassignedCheckEndpoints.ListAsync).WithName("ListReassignedChecks");

        group.MapPost("/api/compliance/dnc/import", DncEndpoints.ImportAsync)
            .RequireAuthorization(StaffPolicies.Compliance)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute())
            .WithName("ImportDncRegistry");

        group.MapPost("/webhooks/twilio/sms", TwilioSmsWebhook.HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(Extensions.Extensions.WebhookRateLimit)
            .WithName("TwilioInboundSms");
        return group;
    }
}
