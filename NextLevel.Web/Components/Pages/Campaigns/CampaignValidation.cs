using System.Globalization;
using NextLevel.Web.ApiClient.Models;

namespace NextLevel.Web.Components.Pages.Campaigns;

/// <summary>Checks across fields that single-field validation cannot make; the Api checks again.</summary>
public static class CampaignValidation
{
    public static string? Check(Campaign campaign)
    {
        if (campaign.Targeting.LeadSources.Count == 0) return "Choose at least one lead source to target.";
        if (campaign.Targeting.Qualification.MinScore is < 0 or > 1) return "The minimum score is between 0 and 1.";
        if (campaign.Targeting.Qualification.MinEquity is < 0 or > 1) return "The minimum equity is a share between 0 and 1 (0.2 = 20%).";
        var hours = campaign.Schedule.CallingHours;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(hours.Timezone, out _)) return $"'{hours.Timezone}' is not an IANA time zone (for example America/Chicago).";
        foreach (var day in CallingHours.Days)
        {
            if (hours[day] is not { } window) continue;
            if (!TryTime(window.Start, out var start) || !TryTime(window.End, out var end)) return $"Hours of {day} are not HH:mm times.";
            if (end <= start) return $"On {day} the calling window must end after it starts.";
        }
        if (campaign.Schedule.EndDate is { } endDate && endDate < campaign.Schedule.StartDate) return "The campaign must end after it starts.";
        if (campaign.Budget.TotalBudget < 0 || campaign.Budget.CostPerCall < 0) return "Budget amounts cannot be negative.";
        if (campaign.Workflow.FollowUp.Any(s => s.Delay <= 0)) return "Every follow-up step needs a delay after the previous one.";
        return null;
    }

    public static bool TryTime(string text, out TimeSpan time) =>
        TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out time);
}
