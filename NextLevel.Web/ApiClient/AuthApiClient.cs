using System.Net;
using System.Net.Http.Json;
using NextLevel.Web.ApiClient.Models;

namespace NextLevel.Web.ApiClient;

public interface IAuthApi
{
    /// <summary>Null when the e-mail or password is wrong.</summary>
    Task<TokenResponse?> RequestTokenAsync(string email, string password, CancellationToken cancellationToken);
}

/// <summary>Sign-in: POST /api/auth/token (the one call made without a bearer token).</summary>
public sealed class AuthApiClient(IHttpClientFactory clients) : IAuthApi
{
    public async Task<TokenResponse?> RequestTokenAsync(string email, string password, CancellationToken cancellationToken)
    {
        using var response = await clients.CreateClient(ApiConnection.ClientName)
            .PostAsJsonAsync("/api/auth/token", new TokenRequest(email, password), ApiConnection.Json, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden)
        {
            return null;
        }
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new ApiProblemException(429, "Too many sign-in attempts. Wait a minute, then try again.", new Dictionary<string, string[]>());
        }
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.ReadAsync(response, cancellationToken);
        }
        return await response.Content.ReadFromJsonAsync<TokenResponse>(ApiConnection.Json, cancellationToken);
    }
}
