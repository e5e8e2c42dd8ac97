namespace NextLevel.Api.Identity;

/// <summary>The staff roles and the authorization policies built on them.</summary>
public static class StaffRoles
{
    public const string Admin = "admin";
    public const string CampaignManager = "campaign_manager";
    public const string Closer = "closer";
    public const string Ops = "ops";

    public static readonly string[] All = [Admin, CampaignManager, Closer, Ops];
}

/// <summary>Policy names endpoints require (<c>.RequireAuthorization(StaffPolicies.Staff)</c>).</summary>
public static class StaffPolicies
{
    /// <summary>Any signed-in staff member.</summary>
    public const string Staff = "staff";

    /// <summary>Admins and campaign managers: campaigns, imports, settings.</summary>
    public const string Managers = "managers";

    /// <summary>Admins and compliance/ops staff: DNC imports, evidence.</summary>
    public const string Compliance = "compliance";

    /// <summary>Admins only: users and roles.</summary>
    public const string Admins = "admins";
}
