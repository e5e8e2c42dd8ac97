namespace NextLevel.Web.ApiClient.Models;

/// <summary>The stored enum values of the schema (snake_case), as the Api returns and accepts them.</summary>
public static class Vocabulary
{
    public static readonly string[] LeadSources = ["google_ads", "zillow", "realgeeks", "manual"];
    public static readonly string[] LeadStatuses = ["new", "contacted", "qualified", "nurturing", "converted", "lost", "dnc"];
    public static readonly string[] LeadStages = ["new", "contacted", "qualified", "site_visit", "offer_made", "negotiation", "closed", "lost"];
    public static readonly string[] CampaignStatuses = ["draft", "active", "paused", "completed"];
    public static readonly string[] CampaignTypes = ["wholesale", "fix_flip", "rental"];
    public static readonly string[] ContactMethods = ["automated_call", "manual_call", "sms", "email"];
    public static readonly string[] CallOutcomes = ["qualified", "not_interested", "callback", "voicemail", "wrong_number"];
    public static readonly string[] CallStatuses = ["initiated", "ringing", "answered", "completed", "busy", "no_answer", "failed"];
    public static readonly string[] Channels = ["call", "sms", "email"];

    /// <summary>"site_visit" → "Site visit".</summary>
    public static string Label(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "—";
        var text = value.Replace('_', ' ');
        return value switch
        {
            "google_ads" => "Google Ads",
            "realgeeks" => "RealGeeks",
            "dnc" => "DNC",
            _ => char.ToUpperInvariant(text[0]) + text[1..],
        };
    }
}
