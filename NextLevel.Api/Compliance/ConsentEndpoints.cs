using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MongoDB.Driver;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Configuration;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Compliance;

public static class ConsentEndpoints
{
    private const int MaxConsentText = 10_000;

    /// <summary>POST /api/leads/{id}/consent — staff records a written consent (lead.consent + a consent_granted event).</summary>
    public static async Task<Results<Created<ConsentGrantedResponse>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, ValidationProblem>> GrantAsync(
        string id, ConsentGrantRequest request, ClaimsPrincipal user, [AsParameters] ComplianceServices services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ComplianceInput.TryObjectId(id, out var leadId)) errors["id"] = ["Must be a 24-hex-digit lead id."];
        if (string.IsNullOrWhiteSpace(request.ConsentText)) errors["consentText"] = ["Required: the exact consent text shown to the person."];
        else if (request.ConsentText.Length > MaxConsentText) errors["consentText"] = [$"At most {MaxConsentText} characters."];
        ConsentMethod method = default;
        if (request.Method is null || !ComplianceInput.Methods.TryGetValue(request.Method, out method)) errors["method"] = ["Required: web_form, email, phone or written."];
        if (string.IsNullOrWhiteSpace(request.Source)) errors["source"] = ["Required: where the consent was given, e.g. zillow_lead_form."];
        else if (request.Source.Length > 200) errors["source"] = ["At most 200 characters."];
        if (request.AutomatedCallsAllowed != true && request.TextMessagesAllowed != true)
            errors["automatedCallsAllowed"] = ["A written consent allows automated calls, texts or both."];
        string? phone = null;
        if (request.Phone is not null && !PhoneNumbers.TryNormalise(request.Phone, out phone!)) errors["phone"] = ["Must be a phone number, e.g. +15551234567."];
        var now = services.Time.GetUtcNow();
        if (request.GivenAt is { } given && given > now.AddMinutes(5)) errors["givenAt"] = ["Cannot be in the future."];
        if (request.IpAddress is { Length: > 64 }) errors["ipAddress"] = ["At most 64 characters."];
        if (request.UserAgent is { Length: > 1000 }) errors["userAgent"] = ["At most 1000 characters."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var lead = await services.Database.GetCollection<Lead>(CollectionNames.Leads).Find(l => l.Id == leadId)
            .Project(l => new { l.Contact.Phone }).FirstOrDefaultAsync(cancellationToken);
        if (lead is null) return LeadNotFound();
        phone ??= lead.Phone;
        if (phone is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["phone"] = ["The lead has no phone number; give the number the consent names."] });

        var (policy, _) = await new SystemConfigStore(services.Database, services.Time).GetAsync(SystemSettings.ConsentPolicy, cancellationToken);
        var actor = ComplianceServices.Actor(user);
        var entry = await services.Consent.GrantAsync(leadId, new ConsentGrant(
            phone, request.ConsentText!, method, request.Source!.Trim(), request.AutomatedCallsAllowed == true, request.TextMessagesAllowed == true,
            request.GivenAt ?? now, request.IpAddress, request.UserAgent, actor), policy.ConsentValidityDays, cancellationToken);
        ComplianceLog.ConsentGranted(services.Logger, leadId.ToString(), entry.Id.ToString());
        return TypedResults.Created($"/api/leads/{leadId}/consent", new ConsentGrantedResponse(entry.Id.ToString(), leadId.ToString(), entry.ConsentDetails?.ExpiresAt));
    }

    /// <summary>POST /api/leads/{id}/consent/revoke — staff records a revocation; it takes effect at once.</summary>
    public static async Task<Results<Ok<RevocationResponse>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, ValidationProblem>> RevokeAsync(
        string id, ConsentRevokeRequest request, ClaimsPrincipal user, [AsParameters] ComplianceServices services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ComplianceInput.TryObjectId(id, out var leadId)) errors["id"] = ["Must be a 24-hex-digit lead id."];
        var channels = new List<ContactChannel>();
        foreach (var name in request.Channels ?? [])
        {
            if (name is null || !ComplianceInput.Channels.TryGetValue(name, out var channel)) { errors["channels"] = ["Each must be call, automated_call, manual_call, sms or email."]; break; }
            if (string.Equals(name, "call", StringComparison.OrdinalIgnoreCase)) channels.Add(ContactChannel.ManualCall);
            channels.Add(channel);
        }
        if (request.Reason is { Length: > 1000 }) errors["reason"] = ["At most 1000 characters."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (channels.Count == 0) channels.AddRange(ContactChannels.Telephone);

        var result = await services.Consent.RevokeForLeadAsync(leadId, new ConsentRevocation(channels.Distinct().ToList(), "staff", request.Reason, ComplianceServices.Actor(user)), cancellationToken);
        if (result.LeadIds.Count == 0) return LeadNotFound();
        ComplianceLog.ConsentRevoked(services.Logger, "staff", result.LeadIds.Count, result.AddedToInternalDnc);
        return TypedResults.Ok(new RevocationResponse(
            [.. result.LeadIds.Select(l => l.ToString())], [.. result.ConsentLogIds.Select(l => l.ToString())], result.AddedToInternalDnc,
            [.. channels.Distinct().Select(ComplianceInput.Name)]));
    }

    private static NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails> LeadNotFound() =>
        TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Title = "Lead not found", Status = StatusCodes.Status404NotFound });
}

public sealed record ConsentGrantedResponse(string ConsentLogId, string LeadId, DateTime? ExpiresAt);
