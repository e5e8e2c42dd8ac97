using NextLevel.Domain.Leads;

namespace NextLevel.Domain.Campaigns;

/// <summary>Where a lead is in its campaign's sequence.</summary>
public enum WorkflowPhase
{
    /// <summary>The first contact and its retries (workflow.initialContact).</summary>
    Initial = 1,
    /// <summary>The follow-up steps (workflow.followUp[]).</summary>
    FollowUp = 2,
    /// <summary>The nurture sequence for leads that did not qualify (workflow.nurture).</summary>
    Nurture = 3,
}

/// <summary>One step of a campaign's sequence. <see cref="Key"/> identifies it within the lead and is the step's
/// idempotency key: the engine never performs the same key twice for the same lead.</summary>
/// <param name="Index">Initial: the attempt number from 1; FollowUp: the position in workflow.followUp; Nurture: the touch number from 0.</param>
public sealed record WorkflowStep(WorkflowPhase Phase, int Index, ContactMethod Method, string? Template)
{
    public string Key => $"{Phase.ToString().ToLowerInvariant()}:{Index}";
}

/// <summary>What the sequence does next: a step due at a time, or the end with a reason.</summary>
public sealed record WorkflowNext(WorkflowStep? Step, DateTimeOffset? DueAt, string? EndReason)
{
    public static WorkflowNext Due(WorkflowStep step, DateTimeOffset dueAt) => new(step, dueAt, null);

    public static WorkflowNext End(string reason) => new(null, null, reason);
}

/// <summary>
/// The seed's campaign workflow as rules (pure; the engine calls them), after the first contact (whose due time
/// intake sets from initialContact.timing, <see cref="FollowUpSchedule"/>): retries up to maxAttempts every retryDelay seconds, follow-up steps at their delay from
/// the first contact, then weekly (or other) nurture touches for the nurture duration when the lead did not qualify.
/// Calls and texts are placed inside the campaign's calling hours; e-mail is sent whenever due.
/// </summary>
public static class WorkflowPlan
{
    public const string EndCompleted = "sequence_completed";
    public const string EndQualified = "qualified_handed_to_person";

    /// <summary>The first step of every sequence: attempt 1 of the initial contact.</summary>
    public static WorkflowStep First(CampaignWorkflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return new WorkflowStep(WorkflowPhase.Initial, 1, workflow.InitialContact.Method, null);
    }

    /// <summary>The step that follows <paramref name="done"/>.</summary>
    /// <param name="sequenceStart">When the first contact attempt was made (follow-up delays count from it).</param>
    /// <param name="contactMade">The lead was reached by the initial contact (no more retries).</param>
    /// <param name="qualified">The lead qualified (no nurture: a person takes over).</param>
    public static WorkflowNext After(CampaignWorkflow workflow, CallingHours hours, WorkflowStep done, DateTimeOffset sequenceStart, DateTimeOffset now, bool contactMade, bool qualified)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(done);
        switch (done.Phase)
        {
            case WorkflowPhase.Initial:
                var initial = workflow.InitialContact;
                var retries = initial.Method is ContactMethod.AutomatedCall or ContactMethod.ManualCall;
                if (retries && !contactMade && done.Index < Math.Max(1, initial.MaxAttempts))
                {
                    var retry = new WorkflowStep(WorkflowPhase.Initial, done.Index + 1, initial.Method, null);
                    return WorkflowNext.Due(retry, InsideHours(retry.Method, hours, now.AddSeconds(Math.Max(0, initial.RetryDelay))));
                }
                return FollowUpFrom(workflow, hours, 0, sequenceStart, now, qualified);
            case WorkflowPhase.FollowUp:
                return FollowUpFrom(workflow, hours, done.Index + 1, sequenceStart, now, qualified);
            default:
                return NurtureFrom(workflow, hours, done.Index + 1, NurtureStart(workflow, sequenceStart), now);
        }
    }

    /// <summary>Nurture touches start after the last follow-up step's delay.</summary>
    public static DateTimeOffset NurtureStart(CampaignWorkflow workflow, DateTimeOffset sequenceStart)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var lastDelay = workflow.FollowUp.Count == 0 ? 0 : workflow.FollowUp.Max(f => f.Delay);
        return sequenceStart.AddSeconds(lastDelay);
    }

    /// <summary>daily, weekly, biweekly, monthly (30 days); anything else is weekly.</summary>
    public static TimeSpan NurtureInterval(string? frequency) => frequency switch
    {
        "daily" => TimeSpan.FromDays(1),
        "biweekly" => TimeSpan.FromDays(14),
        "monthly" => TimeSpan.FromDays(30),
        _ => TimeSpan.FromDays(7),
    };

    /// <summary>Moves calls and texts into the calling hours; e-mail goes when due. No window at all → as due
    /// (the compliance gate still decides).</summary>
    public static DateTimeOffset InsideHours(ContactMethod method, CallingHours hours, DateTimeOffset at) =>
        method == ContactMethod.Email ? at : CallingSchedule.NextOpen(hours, at) ?? at;

    private static WorkflowNext FollowUpFrom(CampaignWorkflow workflow, CallingHours hours, int index, DateTimeOffset sequenceStart, DateTimeOffset now, bool qualified)
    {
        if (index < workflow.FollowUp.Count)
        {
            var step = workflow.FollowUp[index];
            var due = sequenceStart.AddSeconds(Math.Max(0, step.Delay));
            return WorkflowNext.Due(new WorkflowStep(WorkflowPhase.FollowUp, index, step.Method, step.Template), InsideHours(step.Method, hours, Max(due, now)));
        }
        if (qualified) return WorkflowNext.End(EndQualified);
        return NurtureFrom(workflow, hours, 0, NurtureStart(workflow, sequenceStart), now);
    }

    private static WorkflowNext NurtureFrom(CampaignWorkflow workflow, CallingHours hours, int touch, DateTimeOffset nurtureStart, DateTimeOffset now)
    {
        var nurture = workflow.Nurture;
        if (!nurture.Enabled || nurture.Duration <= 0) return WorkflowNext.End(EndCompleted);
        var interval = NurtureInterval(nurture.Frequency);
        var due = nurtureStart + interval * (touch + 1);
        if (due > nurtureStart.AddDays(nurture.Duration)) return WorkflowNext.End(EndCompleted);
        var content = nurture.Content.Count == 0 ? "market_updates" : nurture.Content[touch % nurture.Content.Count];
        var step = new WorkflowStep(WorkflowPhase.Nurture, touch, ContactMethod.Email, "nurture_" + content);
        return WorkflowNext.Due(step, Max(due, now));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
