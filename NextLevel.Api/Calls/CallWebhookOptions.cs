namespace NextLevel.Api.Calls;

/// <summary>
/// What the call webhooks need: Twilio's auth token (signatures), the public base URL Twilio calls (signatures are
/// over the URL as Twilio requested it; behind a proxy the Api sees another one), ElevenLabs' webhook secret, and
/// the rates for costing a call when the provider sends no price.
/// </summary>
public sealed class CallWebhookOptions
{
    /// <summary><c>Providers:Twilio:AuthToken</c>.</summary>
    public string? TwilioAuthToken { get; set; }

    /// <summary><c>Providers:Twilio:WebhookBaseUrl</c>, e.g. https://api.example.com; empty = the request's own URL.</summary>
    public string? TwilioWebhookBaseUrl { get; set; }

    /// <summary><c>Providers:ElevenLabs:WebhookSecret</c>: the HMAC shared secret of the workspace webhook.</summary>
    public string? ElevenLabsWebhookSecret { get; set; }

    /// <summary><c>Calls:Cost:TwilioRatePerMinute</c> (USD per started minute).</summary>
    public decimal TwilioRatePerMinute { get; set; }

    /// <summary><c>Calls:Cost:ElevenLabsRatePerCharacter</c> (USD per character the agent spoke).</summary>
    public decimal ElevenLabsRatePerCharacter { get; set; }

    public static CallWebhookOptions From(IConfiguration configuration) => new()
    {
        TwilioAuthToken = configuration["Providers:Twilio:AuthToken"],
        TwilioWebhookBaseUrl = configuration["Providers:Twilio:WebhookBaseUrl"],
        ElevenLabsWebhookSecret = configuration["Providers:ElevenLabs:WebhookSecret"],
        TwilioRatePerMinute = configuration.GetValue("Calls:Cost:TwilioRatePerMinute", 0m),
        ElevenLabsRatePerCharacter = configuration.GetValue("Calls:Cost:ElevenLabsRatePerCharacter", 0m),
    };
}
