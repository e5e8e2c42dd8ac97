using Microsoft.AspNetCore.Http.HttpResults;
using MongoDB.Bson;
using NextLevel.Api.Identity;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Compliance.Evidence;

namespace NextLevel.Api.Compliance.Evidence;

/// <summary>
/// The evidence package of a lead or of a phone number, as a PDF or a ZIP of JSON and CSV files (docs/compliance.md,
/// "Evidence package"). Admins, compliance officers and ops (policy Compliance).
/// </summary>
public static class EvidenceApi
{
    public const string Pdf = "pdf";
    public const string Zip = "zip";

    public static void AddEvidence(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<EvidenceAssembler>();
    }

    public static RouteGroupBuilder MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/compliance/evidence").WithTags("Compliance").RequireAuthorization(StaffPolicies.Compliance);
        group.MapGet("/{leadId}", ForLeadAsync).WithName("LeadEvidencePackage")
            .WithSummary("The lead's evidence package: format=pdf (default) or zip (package.json and CSVs).");
        group.MapGet("/by-phone/{e164}", ForPhoneAsync).WithName("PhoneEvidencePackage")
            .WithSummary("The evidence package of a phone number and every lead carrying it: format=pdf (default) or zip.");
        return group;
    }

    public static async Task<Results<FileStreamHttpResult, NotFound, ValidationProblem>> ForLeadAsync(
        string leadId, string? format, EvidenceAssembler assembler, ILogger<EvidenceAssembler> logger, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ObjectId.TryParse(leadId, out var id)) errors["leadId"] = ["Not a lead id (24 hexadecimal characters)."];
        var kind = ParseFormat(format, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var package = await assembler.ForLeadAsync(id, cancellationToken);
        if (package is null) return TypedResults.NotFound();
        return await RenderAsync(package, kind!, logger, cancellationToken);
    }

    public static async Task<Results<FileStreamHttpResult, NotFound, ValidationProblem>> ForPhoneAsync(
        string e164, string? format, EvidenceAssembler assembler, ILogger<EvidenceAssembler> logger, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var phone = "";
        if (e164.Length > 32 || !DncPhoneNumbers.TryNormalise(e164, out phone)) errors["e164"] = ["Not a US phone number (E.164, e.g. +12065550100)."];
        var kind = ParseFormat(format, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var package = await assembler.ForPhoneAsync(phone, cancellationToken);
        if (package is null) return TypedResults.NotFound();
        return await RenderAsync(package, kind!, logger, cancellationToken);
    }

    private static string? ParseFormat(string? format, Dictionary<string, string[]> errors)
    {
        var kind = string.IsNullOrEmpty(format) ? Pdf : format.ToLowerInvariant();
        if (kind is Pdf or Zip) return kind;
        errors["format"] = ["Use pdf or zip."];
        return null;
    }

    private static async Task<FileStreamHttpResult> RenderAsync(EvidencePackage package, string format, ILogger logger, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        if (format == Zip) await EvidenceFiles.WriteZipAsync(package, buffer, cancellationToken);
        else EvidencePdf.Write(package, buffer);
        buffer.Position = 0;
        EvidenceLog.Built(logger, format, package.Subject.Kind, package.Subject.LeadId ?? "-", package.Leads.Count, package.Attempts.Count, package.Ledger.Entries.Count, buffer.Length);
        var contentType = format == Zip ? "application/zip" : "application/pdf";
        return TypedResults.File(buffer, contentType, EvidenceFiles.FileName(package, format));
    }
}

/// <summary>Evidence log events: ids and counts only, never a phone number.</summary>
internal static partial class EvidenceLog
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Evidence package ({Format}) built for a {SubjectKind} (lead {LeadId}): {Leads} lead(s), {Attempts} attempt(s), {LedgerEntries} ledger entries, {Bytes} bytes")]
    public static partial void Built(ILogger logger, string format, string subjectKind, string leadId, int leads, int attempts, int ledgerEntries, long bytes);
}
