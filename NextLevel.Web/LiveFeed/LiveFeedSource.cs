using System.Net.Http.Headers;
using System.Net.Http.Json;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Auth;

namespace NextLevel.Web.LiveFeed;

public interface ILiveFeedSource
{
    /// <summary>The newest leads and calls, newest first, read with the given session's token.</summary>
    Task<IReadOnlyList<LiveFeedEvent>> ReadLatestAsync(StaffSession session, CancellationToken cancellationToken);
}

/// <summary>Reads the newest leads and calls from the Api. [Singleton - ThreadSafe]</summary>
public sealed class LiveFeedSource(IHttpClientFactory clients) : ILiveFeedSource
{
    public async Task<IReadOnlyList<LiveFeedEvent>> ReadLatestAsync(StaffSession session, CancellationToken cancellationToken)
    {
        var leads = GetAsync<LeadPage>(session, "/api/leads?sort=receivedAt&limit=10", cancellationToken);
        var calls = GetAsync<CallPage>(session, "/api/calls?limit=10", cancellationToken);
        await Task.WhenAll(leads, calls);
        var events = new List<LiveFeedEvent>();
        events.AddRange((await leads)?.Items.Select(l => new LiveFeedEvent("lead", l.Id, l.ReceivedAt,
            $"New lead from {Vocabulary.Label(l.Source)}", string.Join(", ", new[] { l.City, l.State }.Where(p => p is not null)), $"/leads/{l.Id}")) ?? []);
        events.AddRange((await calls)?.Items.Where(c => c.Outcome is not null || c.Status is "completed" or "no_answer" or "busy" or "failed")
            .Select(c => new LiveFeedEvent("call", c.Id, c.InitiatedAt,
                $"Call {Vocabulary.Label(c.Outcome ?? c.Status).ToLowerInvariant()}",
                c.Duration is { } d ? $"{d} s" : null, $"/calls/{c.Id}")) ?? []);
        return [.. events.OrderByDescending(e => e.At)];
    }

    private async Task<T?> GetAsync<T>(StaffSession session, string path, CancellationToken cancellationToken) where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        using var response = await clients.CreateClient(ApiConnection.ClientName).SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<T>(ApiConnection.Json, cancellationToken) : null;
    }
}
