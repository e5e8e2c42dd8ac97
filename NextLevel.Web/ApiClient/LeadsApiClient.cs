using NextLevel.Web.ApiClient.Models;

namespace NextLevel.Web.ApiClient;

public interface ILeadsApi
{
    Task<LeadPage> ListAsync(LeadFilter filter, TimeZoneInfo zone, string? cursor, int limit, bool includeTotal, CancellationToken cancellationToken);
    Task<LeadDetail?> GetAsync(string id, CancellationToken cancellationToken);
    Task ChangeStatusAsync(string id, LeadStatusChange change, CancellationToken cancellationToken);
    Task AddNoteAsync(string id, string text, CancellationToken cancellationToken);
    Task SetTagsAsync(string id, IReadOnlyList<string> tags, CancellationToken cancellationToken);
    Task<PropertyDetail?> GetPropertyAsync(string id, CancellationToken cancellationToken);
}

/// <summary>Leads and properties: /api/leads, /api/properties.</summary>
public sealed class LeadsApiClient(ApiConnection api) : ILeadsApi
{
    public Task<LeadPage> ListAsync(LeadFilter filter, TimeZoneInfo zone, string? cursor, int limit, bool includeTotal, CancellationToken cancellationToken) =>
        api.GetAsync<LeadPage>("/api/leads" + filter.ToQuery(zone).Add("cursor", cursor).Add("limit", limit).Add("total", includeTotal ? true : null), cancellationToken);

    public Task<LeadDetail?> GetAsync(string id, CancellationToken cancellationToken) =>
        api.FindAsync<LeadDetail>($"/api/leads/{Uri.EscapeDataString(id)}", cancellationToken);

    public Task ChangeStatusAsync(string id, LeadStatusChange change, CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Patch, $"/api/leads/{Uri.EscapeDataString(id)}/status", change, cancellationToken);

    public Task AddNoteAsync(string id, string text, CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Post, $"/api/leads/{Uri.EscapeDataString(id)}/notes", new LeadNoteRequest(text), cancellationToken);

    public Task SetTagsAsync(string id, IReadOnlyList<string> tags, CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Put, $"/api/leads/{Uri.EscapeDataString(id)}/tags", new LeadTagsRequest(tags), cancellationToken);

    public Task<PropertyDetail?> GetPropertyAsync(string id, CancellationToken cancellationToken) =>
        api.FindAsync<PropertyDetail>($"/api/properties/{Uri.EscapeDataString(id)}", cancellationToken);
}
