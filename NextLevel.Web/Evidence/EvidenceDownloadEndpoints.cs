using Microsoft.AspNetCore.Authorization;
using NextLevel.Web.Auth;

namespace NextLevel.Web.Evidence;

/// <summary>The two formats of an evidence package.</summary>
public static class EvidenceFormat
{
    public const string Pdf = "pdf";
    public const string Zip = "zip";
}

/// <summary>
/// Evidence package downloads: the browser asks the dashboard, which streams the Api's file
/// (<c>/api/compliance/evidence/…</c>) under the signed-in user's token — the token never reaches the browser.
/// </summary>
public static class EvidenceDownloadEndpoints
{
    public const string LeadPrefix = "/compliance/evidence/lead/";
    public const string PhonePrefix = "/compliance/evidence/phone/";

    public static IEndpointRouteBuilder MapEvidenceDownloads(this IEndpointRouteBuilder app)
    {
        var evidence = new AuthorizeAttribute { Roles = StaffRoles.Evidence };
        app.MapGet(LeadPrefix + "{leadId}", (string leadId, HttpContext context, IHttpClientFactory clients, TimeProvider time, CancellationToken cancellationToken) =>
            CsvExportEndpoints.ProxyAsync(context, clients, time, "/api/compliance/evidence/" + Uri.EscapeDataString(leadId), cancellationToken)).RequireAuthorization(evidence);
        app.MapGet(PhonePrefix + "{phone}", (string phone, HttpContext context, IHttpClientFactory clients, TimeProvider time, CancellationToken cancellationToken) =>
            CsvExportEndpoints.ProxyAsync(context, clients, time, "/api/compliance/evidence/by-phone/" + Uri.EscapeDataString(phone), cancellationToken)).RequireAuthorization(evidence);
        return app;
    }

    /// <summary>The dashboard link for a lead's (or else a number's) package in <paramref name="format"/>; null when neither is given.</summary>
    public static string? Path(string? leadId, string? phone, string format)
    {
        if (!string.IsNullOrWhiteSpace(leadId)) return LeadPrefix + Uri.EscapeDataString(leadId.Trim()) + "?format=" + format;
        if (!string.IsNullOrWhiteSpace(phone)) return PhonePrefix + Uri.EscapeDataString(phone.Trim()) + "?format=" + format;
        return null;
    }
}
