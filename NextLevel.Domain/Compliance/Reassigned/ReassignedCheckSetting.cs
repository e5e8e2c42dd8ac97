namespace NextLevel.Domain.Compliance.Reassigned;

/// <summary>What to do with a "no data" answer.</summary>
public enum NoDataPolicy
{
    /// <summary>No automated or AI-voice call; texts and calls placed by a person stay allowed (default).</summary>
    BlockAiVoiceAllowHuman = 1,

    /// <summary>No automated call and no text; a person may still call.</summary>
    BlockAutomated = 2,

    /// <summary>"No data" does not block anything.</summary>
    Allow = 3,
}

/// <summary>
/// system_config <c>compliance.reassignedCheck</c>: a consent older than <see cref="ConsentAgeDays"/> needs a Reassigned
/// Numbers Database check before an automated call or text, repeated every <see cref="RecheckIntervalDays"/>.
/// </summary>
public sealed record ReassignedCheckSetting(int ConsentAgeDays, int RecheckIntervalDays, NoDataPolicy NoDataPolicy)
{
    public static ReassignedCheckSetting Default { get; } = new(30, 30, NoDataPolicy.BlockAiVoiceAllowHuman);

    /// <summary>Whether a "no data" answer blocks this channel.</summary>
    public bool NoDataBlocks(ContactChannel channel) => NoDataPolicy switch
    {
        NoDataPolicy.BlockAiVoiceAllowHuman => channel == ContactChannel.AutomatedCall,
        NoDataPolicy.BlockAutomated => channel is ContactChannel.AutomatedCall or ContactChannel.Sms,
        _ => false,
    };
}
