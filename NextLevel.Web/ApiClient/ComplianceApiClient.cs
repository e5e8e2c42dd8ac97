using NextLevel.Web.ApiClient.Models;

namespace NextLevel.Web.ApiClient;

public interface IComplianceApi
{
    Task<CanContactAnswer> CanContactAsync(string leadId, string channel, CancellationToken cancellationToken);
    Task RevokeConsentAsync(string leadId, ConsentRevocation revocation, CancellationToken cancellationToken);
    Task<IReadOnlyList<DncEntry>> DncEntriesAsync(string phone, CancellationToken cancellationToken);
    Task AddToDncAsync(string phone, DncAddRequest request, CancellationToken cancellationToken);
    Task RemoveFromDncAsync(string phone, CancellationToken cancellationToken);
    Task<ConsentLogPage> ConsentLogAsync(string? leadId, string? phone, string? cursor, int limit, CancellationToken cancellationToken);
    Task<DncPage> DncListAsync(string? source, string? cursor, int limit, CancellationToken cancellationToken);
    Task<IReadOnlyList<DncImportStatus>> DncImportsAsync(CancellationToken cancellationToken);
    Task<BlockedAttemptPage> BlockedAttemptsAsync(string? cursor, int limit, CancellationToken cancellationToken);
}

/// <summary>Compliance: the gate's can-contact answer, consent revocation, DNC and the audit reads.</summary>
public sealed class ComplianceApiClient(ApiConnection api) : IComplianceApi
{
    public Task<CanContactAnswer> CanContactAsync(string leadId, string channel, CancellationToken cancellationToken) =>
        api.GetAsync<CanContactAnswer>($"/api/compliance/can-contact/{Uri.EscapeDataString(leadId)}" + new QueryString().Add("channel", channel), cancellationToken);

    public Task RevokeConsentAsync(string leadId, ConsentRevocation revocation, CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Post, $"/api/leads/{Uri.EscapeDataString(leadId)}/consent/revoke", revocation, cancellationToken);

    public Task<IReadOnlyList<DncEntry>> DncEntriesAsync(string phone, CancellationToken cancellationToken) =>
        api.GetAsync<IReadOnlyList<DncEntry>>($"/api/compliance/dnc/{Uri.EscapeDataString(phone)}", cancellationToken);

    public Task AddToDncAsync(string phone, DncAddRequest request, CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Post, $"/api/compliance/dnc/{Uri.EscapeDataString(phone)}", request, cancellationToken);

    public Task RemoveFromDncAsync(string phone, CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Delete, $"/api/compliance/dnc/{Uri.EscapeDataString(phone)}", null, cancellationToken);

    public Task<ConsentLogPage> ConsentLogAsync(string? leadId, string? phone, string? cursor, int limit, CancellationToken cancellationToken) =>
        api.GetAsync<ConsentLogPage>("/api/compliance/audit/consent-log"
            + new QueryString().Add("leadId", leadId).Add("phone", phone).Add("cursor", cursor).Add("limit", limit), cancellationToken);

    public Task<DncPage> DncListAsync(string? source, string? cursor, int limit, CancellationToken cancellationToken) =>
        api.GetAsync<DncPage>("/api/compliance/audit/dnc" + new QueryString().Add("source", source).Add("cursor", cursor).Add("limit", limit), cancellationToken);

    public Task<IReadOnlyList<DncImportStatus>> DncImportsAsync(CancellationToken cancellationToken) =>
        api.GetAsync<IReadOnlyList<DncImportStatus>>("/api/compliance/audit/dnc-imports", cancellationToken);

    public Task<BlockedAttemptPage> BlockedAttemptsAsync(string? cursor, int limit, CancellationToken cancellationToken) =>
        api.GetAsync<BlockedAttemptPage>("/api/compliance/audit/blocked-attempts" + new QueryString().Add("cursor", cursor).Add("limit", limit), cancellationToken);
}
