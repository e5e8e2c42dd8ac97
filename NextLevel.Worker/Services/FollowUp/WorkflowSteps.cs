using NextLevel.Domain.Campaigns;

namespace NextLevel.Worker.Services.FollowUp;

/// <summary>Step keys as stored on the lead (leads.followUp.stepKey).</summary>
public static class WorkflowStepKeys
{
    public const string First = "initial:1";
}

/// <summary>Turns a stored step key back into the campaign's step.</summary>
public static class WorkflowSteps
{
    /// <summary>The step a key names in this workflow; the first step when no key is stored; null when the key no
    /// longer exists (the campaign's workflow was shortened).</summary>
    public static WorkflowStep? Resolve(CampaignWorkflow workflow, string? key)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        if (string.IsNullOrEmpty(key)) return WorkflowPlan.First(workflow);
        var parts = key.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var index) || index < 0) return null;
        switch (parts[0])
        {
            case "initial":
                return index >= 1 ? new WorkflowStep(WorkflowPhase.Initial, index, workflow.InitialContact.Method, null) : null;
            case "followup":
                if (index >= workflow.FollowUp.Count) return null;
                var step = workflow.FollowUp[index];
                return new WorkflowStep(WorkflowPhase.FollowUp, index, step.Method, step.Template);
            case "nurture":
                if (!workflow.Nurture.Enabled) return null;
                var content = workflow.Nurture.Content.Count == 0 ? "market_updates" : workflow.Nurture.Content[index % workflow.Nurture.Content.Count];
                return new WorkflowStep(WorkflowPhase.Nurture, index, Domain.Leads.ContactMethod.Email, "nurture_" + content);
            default:
                return null;
        }
    }
}
