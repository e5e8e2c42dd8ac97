namespace NextLevel.Api.Identity;

/// <summary>The staff roles and the authorization policies built on them.</summary>
public static class StaffRoles
{
    public const string Admin = "admin";
    public const string CampaignManager = "campaign_manager";
    public const string Closer = "closer";
    public const string Ops = "ops";

    /// <summary>Compliance officers: audit views, DNC imports and evidence packages (read-only otherwise).</summary>
    public const string Compliance = "compliance";

    public static readonly string[] All = [Admin, CampaignManager, Closer, Ops, Compliance];
}

/// <summary>Policy names endpoints require (<c>.RequireAuthorization(StaffPolicies.Staff)</c>).</summary>
public static class StaffPolicies
{
    /// <summary>Any signed-in staff member.</summary>
    public const string Staff = "staff";

    /// <summary>Admins and campaign managers: campaigns, imports, settings.</summary>
    public const string Managers = "managers";

    /// <summary>Admins, compliance officers and ops staff: DNC imports, audit views, evidence packages.</summary>
    public const string Compliance = "compliance";

    /// <summary>Admins only: users and roles.</summary>
    public const string Admins = "admins";
}
