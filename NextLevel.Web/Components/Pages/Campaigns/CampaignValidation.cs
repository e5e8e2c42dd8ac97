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
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(campaign.Schedule.TimeZone, out _)) return $"'{campaign.Schedule.TimeZone}' is not an IANA time zone (for example America/Chicago).";
        foreach (var day in campaign.Schedule.Hours)
        {
            if (!TryTime(day.Start, out var start) || !TryTime(day.End, out var end)) return $"Hours of {day.Day} are not HH:mm times.";
            if (end <= start) return $"On {day.Day} the calling window must end after it starts.";
        }
        if (campaign.Budget is { Daily: { } daily, Total: { } total } && daily > total) return "The daily cap cannot exceed the total budget.";
        if (campaign.Workflow.FollowUp.Any(s => s.Delay <= 0)) return "Every follow-up step needs a delay after the previous one.";
        return null;
    }

    public static bool TryTime(string text, out TimeSpan time) =>
        TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out time);
}
