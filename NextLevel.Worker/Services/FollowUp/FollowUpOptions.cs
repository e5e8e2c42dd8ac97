namespace NextLevel.Worker.Services.FollowUp;

/// <summary>Options of the follow-up engine (section <c>Worker:FollowUp</c>).</summary>
public sealed class FollowUpOptions
{
    public const string Section = "Worker:FollowUp";

    /// <summary>How long to sleep when nothing is due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a claim holds a lead; another worker takes the lead over only after it expires.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Claim loops run side by side in one worker. Each claim is a lease, so loops never run the same step. Each loop
    /// runs a whole batch (<see cref="BatchSize"/>) of steps concurrently, so 4 loops keep up to 128 steps in flight.
    /// </summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>
    /// Due leads claimed at once by one claim loop (one find per status, one updateMany, one read of the claimed
    /// documents) and run side by side, sharing one read of their campaigns and of the compliance gate's facts.
    /// </summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>The oldest batch-read gate facts a step may be decided on; older ones are read again for that lead.</summary>
    public TimeSpan BatchFactsMaxAge { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// For how long after a lead was received a first contact blocked only for want of a consent event (while the
    /// lead's own record shows written consent) is asked again instead of stopped: the Api appends the consent event
    /// right after storing the lead, and a fast claim can fall in between.
    /// </summary>
    public TimeSpan IntakeConsentWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How soon such a first contact is asked again.</summary>
    public TimeSpan IntakeConsentRecheck { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>This worker's name in leases; unique per process by default.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>When a paused or draft campaign is looked at again.</summary>
    public TimeSpan PausedRecheck { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>When a step whose provider failed is tried again.</summary>
    public TimeSpan ProviderRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A call at least this long, answered by a person, is a conversation: the sequence pauses for a person.</summary>
    public int ConversationSeconds { get; set; } = 30;

    /// <summary>
    /// How long the compliance gate may reuse the policy settings and the national DNC list's import date between
    /// decisions (facts about the person are read for every decision). Zero reads them every time.
    /// </summary>
    public TimeSpan GateSettingsCacheTtl { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Our caller id for calls and texts (E.164).</summary>
    public string FromNumber { get; set; } = "+15005550006";
}
