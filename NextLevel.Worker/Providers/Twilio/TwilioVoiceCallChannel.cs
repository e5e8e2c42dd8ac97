using System.Security;
using Microsoft.Extensions.Options;
using NextLevel.Worker.Channels;

namespace NextLevel.Worker.Providers.Twilio;

/// <summary>
/// A voice call placed by Twilio alone (used when ElevenLabs is not configured): the call runs the TwiML at
/// <see cref="TwilioOptions.VoiceUrl"/> or, without it, speaks the campaign's opening script. Twilio reports
/// initiated, ringing, answered and completed to the status callback.
/// </summary>
public sealed class TwilioVoiceCallChannel(TwilioClient twilio, IOptions<TwilioOptions> options) : IVoiceCallChannel
{
    public static readonly IReadOnlyList<string> StatusCallbackEvents = ["initiated", "ringing", "answered", "completed"];

    public async Task<CallPlacement> PlaceCallAsync(OutboundCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var form = new List<KeyValuePair<string, string>>
        {
            new("To", request.To),
            new("From", string.IsNullOrEmpty(request.From) ? settings.FromNumber : request.From),
        };

        if (!string.IsNullOrEmpty(settings.VoiceUrl)) form.Add(new("Url", settings.VoiceUrl));
        else if (!string.IsNullOrWhiteSpace(request.OpeningScript)) form.Add(new("Twiml", SayTwiml(request.OpeningScript)));
        else throw new InvalidOperationException("A Twilio voice call needs Providers:Twilio:VoiceUrl or the campaign's opening script.");

        var callback = request.StatusCallbackUrl?.AbsoluteUri ?? settings.StatusCallbackUrl;
        if (!string.IsNullOrEmpty(callback))
        {
            form.Add(new("StatusCallback", callback));
            form.Add(new("StatusCallbackMethod", "POST"));
            form.AddRange(StatusCallbackEvents.Select(e => new KeyValuePair<string, string>("StatusCallbackEvent", e)));
        }

        var call = await twilio.CreateCallAsync(form, cancellationToken);
        return new CallPlacement(call.Sid, null, call.Status ?? "queued");
    }

    /// <summary><c>&lt;Response&gt;&lt;Say&gt;script&lt;/Say&gt;&lt;/Response&gt;</c>, the script XML-escaped.</summary>
    public static string SayTwiml(string script) => $"<Response><Say>{SecurityElement.Escape(script)}</Say></Response>";
}
