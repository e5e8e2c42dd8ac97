namespace NextLevel.Worker.Simulator;

/// <summary>Signs the simulator's webhook requests the way the providers do, with the secrets the Api checks.</summary>
public interface IWebhookSigner
{
    /// <summary>X-Twilio-Signature for a form POST to <paramref name="url"/>.</summary>
    string SignTwilio(Uri url, IReadOnlyList<KeyValuePair<string, string>> form);

    /// <summary>ElevenLabs-Signature (<c>t=…,v0=…</c>) for a JSON body sent at <paramref name="at"/>.</summary>
    string SignElevenLabs(string body, DateTimeOffset at);
}
