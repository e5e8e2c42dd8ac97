using System.ComponentModel.DataAnnotations;

namespace NextLevel.Worker.Providers.Twilio;

/// <summary>Configuration section <c>Providers:Twilio</c>. Twilio is used only when <see cref="AccountSid"/> is set.</summary>
public sealed class TwilioOptions
{
    public const string SectionName = "Providers:Twilio";

    [Required, RegularExpression("^AC[0-9a-fA-F]{32}$", ErrorMessage = "Providers:Twilio:AccountSid must look like AC followed by 32 hex digits.")]
    public string AccountSid { get; set; } = "";

    [Required]
    public string AuthToken { get; set; } = "";

    /// <summary>Our caller id and SMS sender in E.164, used when a request names none.</summary>
    [Required, RegularExpression(@"^\+[1-9][0-9]{6,14}$", ErrorMessage = "Providers:Twilio:FromNumber must be an E.164 number.")]
    public string FromNumber { get; set; } = "";

    [Required, Url]
    public string BaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>Optional TwiML URL for plain Twilio voice calls (without ElevenLabs); else the opening script is spoken.</summary>
    [Url]
    public string? VoiceUrl { get; set; }

    /// <summary>Default status callback (the Api's public /webhooks/twilio/status) when a request names none.</summary>
    [Url]
    public string? StatusCallbackUrl { get; set; }
}
