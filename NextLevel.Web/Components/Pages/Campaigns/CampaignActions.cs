namespace NextLevel.Web.Components.Pages.Campaigns;

/// <summary>The Api's campaign transitions (POST /api/campaigns/{id}/{action}).</summary>
public static class CampaignActions
{
    public const string Pause = "pause";
    public const string Activate = "activate";
    public const string Complete = "complete";

    public static string Done(string action) => action switch
    {
        Pause => "paused",
        Activate => "active",
        Complete => "completed",
        _ => action,
    };
}
