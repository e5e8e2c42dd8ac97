namespace NextLevel.Domain.Compliance;

/// <summary>The ways the business reaches a person; the compliance gate decides per channel.</summary>
public enum ContactChannel
{
    /// <summary>An automated or AI-voice call (an artificial voice under FCC 24-17).</summary>
    AutomatedCall = 1,

    /// <summary>A call placed and spoken by a person.</summary>
    ManualCall = 2,

    /// <summary>A text message sent by the system (treated as automated).</summary>
    Sms = 3,

    /// <summary>An e-mail (not a telephone solicitation; CAN-SPAM opt-outs apply).</summary>
    Email = 4,
}

public static class ContactChannels
{
    /// <summary>The channels that are telephone calls under the TCPA (texts count as calls).</summary>
    public static IReadOnlyList<ContactChannel> Telephone { get; } = [ContactChannel.AutomatedCall, ContactChannel.ManualCall, ContactChannel.Sms];

    public static IReadOnlyList<ContactChannel> All { get; } = [ContactChannel.AutomatedCall, ContactChannel.ManualCall, ContactChannel.Sms, ContactChannel.Email];

    public static bool IsTelephone(this ContactChannel channel) => channel != ContactChannel.Email;
}
