using Microsoft.Extensions.Configuration;

namespace NextLevel.Worker.Services.FollowUp;

/// <summary>
/// Where providers report back: the Api's public webhooks. The base address is the Api's own (service discovery
/// configuration <c>services:api:http:0</c>), or <c>Providers:Twilio:WebhookBaseUrl</c> when the Api is published
/// elsewhere (real providers must reach it from the internet; the Api signs-checks against the same base).
/// </summary>
public sealed class ApiCallbacks(IConfiguration configuration)
{
    public Uri? BaseAddress { get; } = Resolve(configuration);

    public Uri? TwilioStatus => Combine("webhooks/twilio/status");

    public Uri? TwilioMessageStatus => Combine("webhooks/twilio/message-status");

    public Uri? ElevenLabsPostCall => Combine("webhooks/elevenlabs/post-call");

    private Uri? Combine(string path) => BaseAddress is null ? null : new Uri(BaseAddress, path);

    private static Uri? Resolve(IConfiguration configuration)
    {
        var text = configuration["Providers:Twilio:WebhookBaseUrl"] ?? configuration["services:api:https:0"] ?? configuration["services:api:http:0"];
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) return null;
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
    }
}
