using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace NextLevel.Worker.Providers.ElevenLabs;

/// <summary>
/// ElevenLabs' Agents API: JSON with the <c>xi-api-key</c> header. A typed HttpClient; retries on 429/5xx come from
/// the standard resilience handler it is registered with.
/// </summary>
public sealed class ElevenLabsClient(HttpClient http, IOptions<ElevenLabsOptions> options)
{
    public const string ApiKeyHeader = "xi-api-key";

    private const string Provider = "elevenlabs";

    private readonly ElevenLabsOptions _options = options.Value;

    /// <summary><c>POST /v1/convai/twilio/outbound-call</c>: ElevenLabs dials through our imported Twilio number.</summary>
    public async Task<TwilioOutboundCallResponse> StartTwilioOutboundCallAsync(TwilioOutboundCallRequest body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(_options.BaseUrl), "/v1/convai/twilio/outbound-call"))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Add(ApiKeyHeader, _options.ApiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ProviderException(Provider, "ElevenLabs could not be reached (outbound call).", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new ProviderException(Provider, response.StatusCode, null,
                    $"ElevenLabs answered {(int)response.StatusCode} to the outbound call.");
            }

            TwilioOutboundCallResponse? answer;
            try
            {
                answer = await response.Content.ReadFromJsonAsync<TwilioOutboundCallResponse>(cancellationToken);
            }
            catch (JsonException e)
            {
                throw new ProviderException(Provider, "ElevenLabs answered the outbound call with an unreadable body.", e);
            }

            if (answer is null || !answer.Success)
            {
                throw new ProviderException(Provider, response.StatusCode, null, "ElevenLabs did not start the outbound call (success = false).");
            }

            return answer;
        }
    }
}
