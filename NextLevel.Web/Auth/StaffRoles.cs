namespace NextLevel.Web.Auth;

/// <summary>The Api's staff roles, and which of them see which pages and actions (comma lists for AuthorizeView).</summary>
public static class StaffRoles
{
    public const string Admin = "admin";
    public const string CampaignManager = "campaign_manager";
    public const string Closer = "closer";
    public const string Ops = "ops";
    public const string ComplianceOfficer = "compliance";

    /// <summary>Create, edit, pause and resume campaigns.</summary>
    public const string Managers = "admin,campaign_manager";

    /// <summary>Compliance pages: consent audit, DNC management, blocked attempts.</summary>
    public const string Compliance = "admin,compliance,ops";

    /// <summary>Download a lead's or a number's evidence package (the Api's compliance policy).</summary>
    public const string Evidence = "admin,compliance,ops";

    /// <summary>Change stage, notes, tags, consent revocation and DNC requests on a lead (anyone who talks to sellers).</summary>
    public const string LeadWorkers = "admin,campaign_manager,closer,ops";

    /// <summary>My day, claiming offered leads, the calendar feed: the closers themselves.</summary>
    public const string Closers = "closer";

    /// <summary>The pipeline board, task lists and the appointment calendar: closers and those who manage them.</summary>
    public const string ClosingTeam = "admin,campaign_manager,closer";
}
