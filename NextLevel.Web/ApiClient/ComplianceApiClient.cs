using NextLevel.Web.ApiClient.Models;

namespace NextLevel.Web.ApiClient;

public interface IComplianceApi
{
    Task<CanContactAnswer> CanContactAsync(string leadId, string channel, CancellationToken cancellationToken);
    Task RevokeConsentAsync(string leadId, ConsentRevocation revocation, CancellationToken cancellationToken);
    Task<ConsentLogPage> ConsentLogAsync(string? leadId, string? phone, string? cursor, CancellationToken cancellationToken);
    Task<DncPage> DncListAsync(string? phone, string? cursor, int limit, CancellationToken cancellationToken);
    Task AddToDncAsync(DncAddRequest request, CancellationToken cancellationToken);
    Task RemoveFromDncAsync(string phone, CancellationToken cancellationToken);
    Task<DncImportStatus> NationalImportStatusAsync(CancellationToken cancellationToken);
    Task<BlockedAttemptPage> BlockedAttemptsAsync(string? cursor, CancellationToken cancellationToken);
}

/// <summary>Compliance: /api/compliance and the consent endpoints of a lead.</summary>
public sealed class ComplianceApiClient(ApiConnection api) : IComplianceApi
{
    public Task<CanContactAnswer> CanContactAsync(string leadId, string channel, CancellationToken cancellationToken) =>
        api.GetAsync<CanContactAnswer>($"/api/compliance/can-contact/{Uri.EscapeDataString(leadId)}" + new QueryString().Add("channel", channel), cancellationToken);

    public Task RevokeConsentAsync(string leadId, ConsentRevocation revocation, CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Post, $"/api/leads/{Uri.EscapeDataString(leadId)}/consent/revoke", revocation, cancellationToken);

    public Task<ConsentLogPage> ConsentLogAsync(string? leadId, string? phone, string? cursor, CancellationToken cancellationToken) =>
        api.GetAsync<ConsentLogPage>("/api/compliance/consent-log" + new QueryString().Add("leadId", leadId).Add("phone", phone).Add("cursor", cursor), cancellationToken);

    public Task<DncPage> DncListAsync(string? phone, string? cursor, int limit, CancellationToken cancellationToken) =>
        api.GetAsync<DncPage>("/api/compliance/dnc" + new QueryString().Add("phone", phone).Add("cursor", cursor).Add("limit", limit), cancellationToken);

    public Task AddToDncAsync(DncAddRequest request, CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Post, "/api/compliance/dnc", request, cancellationToken);

    public Task RemoveFromDncAsync(string phone, CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Delete, $"/api/compliance/dnc/{Uri.EscapeDataString(phone)}", null, cancellationToken);

    public Task<DncImportStatus> NationalImportStatusAsync(CancellationToken cancellationToken) =>
        api.GetAsync<DncImportStatus>("/api/compliance/dnc/national/status", cancellationToken);

    public Task<BlockedAttemptPage> BlockedAttemptsAsync(string? cursor, CancellationToken cancellationToken) =>
        api.GetAsync<BlockedAttemptPage>("/api/compliance/blocked-attempts" + new QueryString().Add("cursor", cursor), cancellationToken);
}
