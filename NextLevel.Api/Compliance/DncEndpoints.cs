using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NextLevel.Domain.Compliance;

namespace NextLevel.Api.Compliance;

public static class DncEndpoints
{
    /// <summary>GET /api/compliance/dnc/{phone} — every entry of the number on every list, in force or ended.</summary>
    public static async Task<Results<Ok<IReadOnlyList<DncEntryResponse>>, ValidationProblem>> GetAsync(
        string phone, [AsParameters] ComplianceServices services, CancellationToken cancellationToken)
    {
        if (!PhoneNumbers.TryNormalise(phone, out var e164)) return BadPhone();
        var now = services.Time.GetUtcNow();
        var entries = await services.Dnc.ForPhoneAsync(e164, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DncEntryResponse>>([.. entries.Select(e => DncEntryResponse.From(e, now))]);
    }

    /// <summary>POST /api/compliance/dnc/{phone} — puts the number on the internal list (body optional: reason, leadId).</summary>
    public static async Task<Results<Ok<DncEntryResponse>, ValidationProblem>> AddAsync(
        string phone, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] DncAddRequest? request,
        ClaimsPrincipal user, [AsParameters] ComplianceServices services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!PhoneNumbers.TryNormalise(phone, out var e164)) errors["phone"] = ["Must be a phone number, e.g. +15551234567."];
        MongoDB.Bson.ObjectId? leadId = null;
        if (request?.LeadId is { } text)
        {
            if (ComplianceInput.TryObjectId(text, out var parsed)) leadId = parsed;
            else errors["leadId"] = ["Must be a 24-hex-digit lead id."];
        }
        if (request?.Reason is { Length: > 1000 }) errors["reason"] = ["At most 1000 characters."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var actor = ComplianceServices.Actor(user);
        var entry = await services.Dnc.AddInternalAsync(e164, string.IsNullOrWhiteSpace(request?.Reason) ? "added by staff" : request.Reason.Trim(), actor, leadId, cancellationToken);
        ComplianceLog.InternalDncChanged(services.Logger, "added", actor);
        return TypedResults.Ok(DncEntryResponse.From(entry, services.Time.GetUtcNow()));
    }

    /// <summary>DELETE /api/compliance/dnc/{phone}?reason= — ends the number's internal entry (kept as evidence).</summary>
    public static async Task<Results<NoContent, NotFound<ProblemDetails>, ValidationProblem>> RemoveAsync(
        string phone, string? reason, ClaimsPrincipal user, [AsParameters] ComplianceServices services, CancellationToken cancellationToken)
    {
        if (!PhoneNumbers.TryNormalise(phone, out var e164)) return BadPhone();
        if (reason is { Length: > 1000 }) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["At most 1000 characters."] });
        var actor = ComplianceServices.Actor(user);
        if (!await services.Dnc.RemoveInternalAsync(e164, string.IsNullOrWhiteSpace(reason) ? "removed by staff" : reason.Trim(), actor, cancellationToken))
            return TypedResults.NotFound(new ProblemDetails { Title = "The number is not on the internal Do-Not-Call list", Status = StatusCodes.Status404NotFound });
        ComplianceLog.InternalDncChanged(services.Logger, "removed", actor);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// POST /api/compliance/dnc/import?source=national|state&amp;state=FL — the request body is the list, one number per
    /// line (text/plain, text/csv or application/octet-stream), streamed; no size limit.
    /// </summary>
    public static async Task<Results<Ok<DncImportResult>, ValidationProblem>> ImportAsync(
        string? source, string? state, HttpContext context, ClaimsPrincipal user, [AsParameters] ComplianceServices services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        DncSource list = default;
        switch (source?.Trim().ToLowerInvariant())
        {
            case "national": list = DncSource.National; break;
            case "state": list = DncSource.State; break;
            default: errors["source"] = ["Required: national or state."]; break;
        }
        var stateCode = state?.Trim().ToUpperInvariant();
        if (list == DncSource.State && !Domain.Compliance.Data.States.IsKnown(stateCode)) errors["state"] = ["Required for a state list: a two-letter US state, e.g. FL."];
        if (list == DncSource.National && !string.IsNullOrEmpty(state)) errors["state"] = ["Only for source=state."];
        var mediaType = context.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not ("text/plain" or "text/csv" or "application/octet-stream"))
            errors["contentType"] = ["Send the list as the body, text/plain, text/csv or application/octet-stream."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
        try
        {
            var result = await services.Importer.ImportAsync(list, stateCode, context.Request.Body, ComplianceServices.Actor(user), cancellationToken);
            ComplianceLog.DncImported(services.Logger, result.Source, result.State, result.Lines, result.Accepted, result.Rejected, result.Inserted, result.Ended);
            return TypedResults.Ok(result);
        }
        catch (DncImportEmptyException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [ex.Message] });
        }
    }

    private static ValidationProblem BadPhone() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["phone"] = ["Must be a phone number, e.g. +15551234567."] });
}
