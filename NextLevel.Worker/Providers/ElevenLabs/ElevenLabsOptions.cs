using System.ComponentModel.DataAnnotations;

namespace NextLevel.Worker.Providers.ElevenLabs;

/// <summary>Configuration section <c>Providers:ElevenLabs</c>. ElevenLabs is used only when <see cref="ApiKey"/> is set.</summary>
public sealed class ElevenLabsOptions
{
    public const string SectionName = "Providers:ElevenLabs";

    [Required]
    public string ApiKey { get; set; } = "";

    /// <summary>The conversational agent that talks to the lead.</summary>
    [Required]
    public string AgentId { get; set; } = "";

    /// <summary>ElevenLabs' id of our Twilio number, imported into ElevenLabs (agent_phone_number_id).</summary>
    [Required]
    public string PhoneNumberId { get; set; } = "";

    [Required, Url]
    public string BaseUrl { get; set; } = "https://api.elevenlabs.io";
}
