namespace NextLevel.Domain.Leads;

/// <summary>
/// leads.followUp: where the lead is in its campaign's sequence, and which worker holds it. A worker claims a due
/// lead by setting <see cref="LeaseOwner"/> and <see cref="LeaseUntil"/> in one findOneAndUpdate; another worker
/// may take it only after the lease has expired. <see cref="Sending"/> is written before a provider is called, so a
/// worker that dies between the provider accepting and the attempt being recorded leaves a trace to reconcile.
/// </summary>
public sealed class FollowUpProgress
{
    /// <summary>The next step to perform (e.g. initial:2, followup:1, nurture:0); null when the sequence ended.</summary>
    public string? StepKey { get; set; }

    /// <summary>When the first contact attempt was made; follow-up delays count from it.</summary>
    public DateTime? SequenceStartedAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? LeaseUntil { get; set; }

    public StepInFlight? Sending { get; set; }

    /// <summary>The last time the compliance gate or a campaign rule held the step back.</summary>
    public StepHold? LastHold { get; set; }

    /// <summary>Why the sequence ended (sequence_completed, consent_revoked, lead_converted, reply_received...).</summary>
    public string? EndedReason { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>Steps performed, for the record (each key at most once).</summary>
    public List<string> Done { get; set; } = [];
}

/// <summary>A step handed, or about to be handed, to a provider.</summary>
public sealed class StepInFlight
{
    public string StepKey { get; set; } = "";

    /// <summary>The attempt id; for calls also the calls document id, passed to the provider as the idempotency key.</summary>
    public MongoDB.Bson.ObjectId AttemptId { get; set; }

    public DateTime StartedAt { get; set; }

    public string? Owner { get; set; }
}

/// <summary>Why a due step was not sent when it came due.</summary>
public sealed class StepHold
{
    public string StepKey { get; set; } = "";

    public DateTime At { get; set; }

    public List<string> Reasons { get; set; } = [];

    public DateTime? Until { get; set; }
}
