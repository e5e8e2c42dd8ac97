using System.Text;
using NextLevel.Domain.Integrations;

namespace NextLevel.Worker.Simulator;

/// <summary>
/// Signs with the secrets the Api checks (<c>Providers:Twilio:AuthToken</c>, <c>Providers:ElevenLabs:WebhookSecret</c>;
/// the AppHost gives both services the same generated values), through the Domain's signature rules.
/// </summary>
public sealed class ConfiguredWebhookSigner(IConfiguration configuration)
{
    public const string TwilioTokenKey = "Providers:Twilio:AuthToken";
    public const string ElevenLabsSecretKey = "Providers:ElevenLabs:WebhookSecret";

    private string TwilioToken => configuration[TwilioTokenKey] ?? "";

    private string ElevenLabsSecret => configuration[ElevenLabsSecretKey] ?? "";

    /// <summary>Both secrets are configured (without them the Api would refuse every report).</summary>
    public bool IsConfigured => TwilioToken.Length > 0 && ElevenLabsSecret.Length > 0;

    public string SignTwilio(Uri url, IReadOnlyList<KeyValuePair<string, string>> form)
    {
        ArgumentNullException.ThrowIfNull(url);
        return TwilioSignature.Compute(TwilioToken, url.OriginalString, form);
    }

    public string SignElevenLabs(string body, DateTimeOffset at) =>
        ElevenLabsSignature.Create(ElevenLabsSecret, at.ToUnixTimeSeconds(), Encoding.UTF8.GetBytes(body));
}
