using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using NextLevel.Web.Auth;

namespace NextLevel.Web.ApiClient;

/// <summary>
/// The one way the dashboard reaches the Api: adds the signed-in user's bearer token (kept in the auth cookie,
/// never in the browser's script), maps error answers to exceptions pages can show, and ends the session when the
/// Api says the token expired. [Scoped - one per circuit]
/// </summary>
public sealed class ApiConnection(IHttpClientFactory clients, AuthenticationStateProvider authentication, NavigationManager navigation, TimeProvider time)
{
    public const string ClientName = "api";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken, allowNotFound: false);
        return await ReadAsync<T>(response, cancellationToken);
    }

    /// <summary>GET that answers null for 404 (a lead or campaign that does not exist).</summary>
    public async Task<T?> FindAsync<T>(string path, CancellationToken cancellationToken) where T : class
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken, allowNotFound: true);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync<T>(response, cancellationToken);
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, body, cancellationToken, allowNotFound: false);
        return await ReadAsync<T>(response, cancellationToken);
    }

    public async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, body, cancellationToken, allowNotFound: false);
    }

    /// <summary>Opens a streamed response (CSV export); the caller disposes it.</summary>
    public Task<HttpResponseMessage> OpenAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, cancellationToken, allowNotFound: false, HttpCompletionOption.ResponseHeadersRead);

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken,
        bool allowNotFound = false, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var session = StaffSession.From(state.User);
        if (session is null || session.IsExpired(time.GetUtcNow()))
        {
            throw EndSession();
        }

        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, completion, cancellationToken);
        }
        catch (Polly.Timeout.TimeoutRejectedException timeout)
        {
            // The resilience handler gave up waiting: an error the page shows with its retry, not one that ends the circuit.
            throw new HttpRequestException("The Api did not answer in time; try again in a moment.", timeout);
        }
        if (response.IsSuccessStatusCode || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound))
        {
            return response;
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw EndSession();
            }
            throw await ApiProblemException.ReadAsync(response, cancellationToken);
        }
    }

    private SessionExpiredException EndSession()
    {
        navigation.NavigateTo(AccountPaths.Expired, forceLoad: true);
        return new SessionExpiredException();
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
        ?? throw new ApiProblemException((int)response.StatusCode, "The Api answered with an empty body.", new Dictionary<string, string[]>());
}
