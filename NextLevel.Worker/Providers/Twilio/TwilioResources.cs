using System.Text.Json.Serialization;

namespace NextLevel.Worker.Providers.Twilio;

/// <summary>The parts of Twilio's Call resource (201 of POST .../Calls.json) the Worker reads.</summary>
public sealed record TwilioCallResource(
    [property: JsonPropertyName("sid")] string Sid,
    [property: JsonPropertyName("status")] string? Status);

/// <summary>The parts of Twilio's Message resource (201 of POST .../Messages.json) the Worker reads.</summary>
public sealed record TwilioMessageResource(
    [property: JsonPropertyName("sid")] string Sid,
    [property: JsonPropertyName("status")] string? Status);

/// <summary>Twilio's error body: <c>{"code": 21211, "message": "...", "more_info": "...", "status": 400}</c>.</summary>
internal sealed record TwilioError(
    [property: JsonPropertyName("code")] int? Code,
    [property: JsonPropertyName("status")] int? Status);
