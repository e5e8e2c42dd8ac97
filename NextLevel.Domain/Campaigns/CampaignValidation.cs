using System.Globalization;
using System.Text.RegularExpressions;

namespace NextLevel.Domain.Campaigns;

/// <summary>
/// The rules a campaign must meet before it is stored: an IANA calling time zone, calling hours HH:mm with start
/// before end, workflow steps with known methods, delays ≥ 0 and 1..10 attempts, an opening script that names the
/// business and offers an opt-out, and non-negative budget figures. Returns field path → messages.
/// </summary>
public static partial class CampaignValidation
{
    public const string DefaultBusinessName = "Next Level Real Estate";

    /// <summary>Phrases that count as offering an opt-out in an opening script (case-insensitive).</summary>
    public static readonly IReadOnlyList<string> OptOutPhrases = ["stop", "opt out", "opt-out", "remove you", "do not call", "don't call"];

    public static IReadOnlyDictionary<string, string[]> Validate(Campaign campaign, string businessName = DefaultBusinessName)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        if (string.IsNullOrWhiteSpace(campaign.Name) || campaign.Name.Length > 200) Add("name", "Name is required (at most 200 characters).");
        if (campaign.Description is { Length: > 2000 }) Add("description", "Description is at most 2000 characters.");
        if (!Enum.IsDefined(campaign.Type)) Add("type", "Type must be wholesale, fix_flip or rental.");

        ValidateSchedule(campaign.Schedule, Add);
        ValidateWorkflow(campaign.Workflow, Add);
        ValidateScript(campaign.ConversationStrategy, businessName, Add);
        ValidateBudget(campaign.Budget, Add);
        ValidateTargeting(campaign.Targeting, Add);

        return errors.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    public static bool IsIanaTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;

    /// <summary>"HH:mm", 00:00..23:59; also accepts 24:00 as an end of day.</summary>
    public static bool TryParseClock(string? value, out TimeSpan time)
    {
        time = default;
        if (value is null || !ClockPattern().IsMatch(value)) return false;
        var hours = int.Parse(value.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var minutes = int.Parse(value.AsSpan(3, 2), CultureInfo.InvariantCulture);
        if (hours > 24 || minutes > 59 || (hours == 24 && minutes != 0)) return false;
        time = new TimeSpan(hours, minutes, 0);
        return true;
    }

    private static void ValidateSchedule(CampaignSchedule? schedule, Action<string, string> add)
    {
        if (schedule is null) { add("schedule", "Schedule is required."); return; }
        if (schedule.EndDate is { } end && end < schedule.StartDate) add("schedule.endDate", "End date must not be before the start date.");
        var hours = schedule.CallingHours;
        if (hours is null) { add("schedule.callingHours", "Calling hours are required."); return; }
        if (!IsIanaTimeZone(hours.Timezone)) add("schedule.callingHours.timezone", "Time zone must be an IANA id such as America/Chicago.");
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            if (hours.For(day) is not { } window) continue;
            var field = "schedule.callingHours." + day.ToString().ToLowerInvariant();
            var startOk = TryParseClock(window.Start, out var start);
            var endOk = TryParseClock(window.End, out var finish);
            if (!startOk) add(field + ".start", "Start must be HH:mm.");
            if (!endOk) add(field + ".end", "End must be HH:mm.");
            if (startOk && endOk && start >= finish) add(field, "Start must be before end.");
        }
    }

    private static void ValidateWorkflow(CampaignWorkflow? workflow, Action<string, string> add)
    {
        if (workflow is null) { add("workflow", "Workflow is required."); return; }
        var initial = workflow.InitialContact;
        if (initial is null) add("workflow.initialContact", "Initial contact is required.");
        else
        {
            if (!Enum.IsDefined(initial.Method)) add("workflow.initialContact.method", "Unknown contact method.");
            if (initial.MaxAttempts is < 1 or > 10) add("workflow.initialContact.maxAttempts", "Max attempts must be 1 to 10.");
            if (initial.RetryDelay < 0) add("workflow.initialContact.retryDelay", "Retry delay must be 0 or more seconds.");
            if (initial.Timing is not ("within_5_minutes" or "within_15_minutes" or "within_1_hour" or "same_day" or "next_business_day"))
                add("workflow.initialContact.timing", "Timing must be within_5_minutes, within_15_minutes, within_1_hour, same_day or next_business_day.");
        }
        if (workflow.FollowUp is null) return;
        if (workflow.FollowUp.Count > 50) add("workflow.followUp", "At most 50 follow-up steps.");
        for (var i = 0; i < workflow.FollowUp.Count; i++)
        {
            var step = workflow.FollowUp[i];
            if (step is null) { add($"workflow.followUp[{i}]", "A step is required."); continue; }
            if (step.Delay < 0) add($"workflow.followUp[{i}].delay", "Delay must be 0 or more seconds.");
            if (!Enum.IsDefined(step.Method)) add($"workflow.followUp[{i}].method", "Unknown contact method.");
            if (step.Template is { Length: > 200 }) add($"workflow.followUp[{i}].template", "Template name is at most 200 characters.");
        }
        if (workflow.Nurture is { } nurture && nurture.Duration < 0) add("workflow.nurture.duration", "Duration must be 0 or more days.");
    }

    private static void ValidateScript(ConversationStrategy? strategy, string businessName, Action<string, string> add)
    {
        const string field = "conversationStrategy.openingScript";
        var script = strategy?.OpeningScript;
        if (string.IsNullOrWhiteSpace(script)) { add(field, "An opening script is required."); return; }
        if (script.Length > 4000) add(field, "The opening script is at most 4000 characters.");
        if (!script.Contains(businessName, StringComparison.OrdinalIgnoreCase))
            add(field, $"The opening script must identify the business (\"{businessName}\").");
        if (!OptOutPhrases.Any(p => script.Contains(p, StringComparison.OrdinalIgnoreCase)))
            add(field, "The opening script must offer an opt-out (for example \"say stop and we will remove you from our list\").");
    }

    private static void ValidateBudget(CampaignBudget? budget, Action<string, string> add)
    {
        if (budget is null) return;
        if (budget.TotalBudget < 0) add("budget.totalBudget", "Must be 0 or more.");
        if (budget.Spent < 0) add("budget.spent", "Must be 0 or more.");
        if (budget.CostPerCall < 0) add("budget.costPerCall", "Must be 0 or more.");
        if (budget.MaxCallsPerDay < 0) add("budget.maxCallsPerDay", "Must be 0 or more.");
        if (budget.MaxLeadsPerDay < 0) add("budget.maxLeadsPerDay", "Must be 0 or more.");
    }

    private static void ValidateTargeting(CampaignTargeting? targeting, Action<string, string> add)
    {
        if (targeting is null) return;
        var q = targeting.Qualification;
        if (q?.MinScore is < 0 or > 1) add("targeting.qualification.minScore", "Must be between 0 and 1.");
        if (q?.MinEquity is < 0 or > 1) add("targeting.qualification.minEquity", "Must be between 0 and 1 (a fraction of value).");
        if (q?.MaxPrice is < 0) add("targeting.qualification.maxPrice", "Must be 0 or more.");
        var geography = targeting.Geography;
        if (geography?.States?.Any(s => s is null || !StatePattern().IsMatch(s)) == true) add("targeting.geography.states", "States are two-letter USPS codes (WA, TX).");
        if (geography?.ZipCodes?.Any(z => z is null || !ZipPattern().IsMatch(z)) == true) add("targeting.geography.zipCodes", "ZIP codes are five digits.");
        if (geography?.Cities?.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 100) == true) add("targeting.geography.cities", "Cities are 1 to 100 characters.");
        if (targeting.LeadSources?.Any(s => !Enum.IsDefined(s)) == true) add("targeting.leadSources", "Unknown lead source.");
    }

    [GeneratedRegex("^[0-9]{2}:[0-9]{2}$")]
    private static partial Regex ClockPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex StatePattern();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex ZipPattern();
}
