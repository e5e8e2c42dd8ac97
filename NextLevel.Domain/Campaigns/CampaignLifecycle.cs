namespace NextLevel.Domain.Campaigns;

/// <summary>
/// Campaign status changes: draft → active; active ⇄ paused; active or paused → completed; completed is final.
/// </summary>
public static class CampaignLifecycle
{
    public static bool CanChange(CampaignStatus from, CampaignStatus to) => (from, to) switch
    {
        (CampaignStatus.Draft, CampaignStatus.Active) => true,
        (CampaignStatus.Paused, CampaignStatus.Active) => true,
        (CampaignStatus.Active, CampaignStatus.Paused) => true,
        (CampaignStatus.Active or CampaignStatus.Paused, CampaignStatus.Completed) => true,
        _ => false,
    };
}
