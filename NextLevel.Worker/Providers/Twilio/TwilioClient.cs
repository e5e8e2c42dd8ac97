using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace NextLevel.Worker.Providers.Twilio;

/// <summary>
/// Twilio's REST API (2010-04-01): form-encoded POSTs with HTTP Basic auth AccountSid:AuthToken, JSON answers.
/// A typed HttpClient; retries on 429/5xx come from the standard resilience handler it is registered with.
/// </summary>
public sealed class TwilioClient(HttpClient http, IOptions<TwilioOptions> options)
{
    private const string Provider = "twilio";

    private readonly TwilioOptions _options = options.Value;

    /// <summary><c>POST /2010-04-01/Accounts/{AccountSid}/Calls.json</c>.</summary>
    public Task<TwilioCallResource> CreateCallAsync(IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken) =>
        PostAsync<TwilioCallResource>("Calls.json", form, cancellationToken);

    /// <summary><c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>.</summary>
    public Task<TwilioMessageResource> CreateMessageAsync(IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken) =>
        PostAsync<TwilioMessageResource>("Messages.json", form, cancellationToken);

    private async Task<T> PostAsync<T>(string resource, IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        var path = $"/2010-04-01/Accounts/{Uri.EscapeDataString(_options.AccountSid)}/{resource}";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(_options.BaseUrl), path))
        {
            Content = new FormUrlEncodedContent(form),
        };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.AccountSid}:{_options.AuthToken}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ProviderException(Provider, $"Twilio could not be reached ({resource}).", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var code = await ReadErrorCodeAsync(response, cancellationToken);
                throw new ProviderException(Provider, response.StatusCode, code,
                    $"Twilio answered {(int)response.StatusCode} to {resource}{(code is null ? "" : $" (error {code})")}.");
            }

            try
            {
                return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
                    ?? throw new ProviderException(Provider, response.StatusCode, null, $"Twilio answered {resource} with an empty body.");
            }
            catch (JsonException e)
            {
                throw new ProviderException(Provider, $"Twilio answered {resource} with a body that is not its resource.", e);
            }
        }
    }

    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var error = await response.Content.ReadFromJsonAsync<TwilioError>(cancellationToken);
            return error?.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
