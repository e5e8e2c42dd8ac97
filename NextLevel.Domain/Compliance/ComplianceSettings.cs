using NextLevel.Domain.Configuration;

namespace NextLevel.Domain.Compliance;

/// <summary>The compliance settings kept in <c>system_config</c> beside <see cref="SystemSettings"/>.</summary>
public static class ComplianceSettings
{
    public static readonly SettingKey<SellerSetting> Seller = new(
        "compliance.seller", "Names of the seller a written consent must name (64.1200(f)(9)).", new SellerSetting([SellerSetting.DefaultSellerName]));

    public static readonly SettingKey<DncImportsSetting> DncImports = new(
        "compliance.dncImports", "When each national and state Do-Not-Call list copy was last imported, with counts.", new DncImportsSetting(null, []));

    public static readonly SettingKey<Reassigned.ReassignedCheckSetting> ReassignedCheck = new(
        "compliance.reassignedCheck", "Reassigned Numbers Database checks (47 CFR 64.1200(m)): consent age needing a check, recheck interval, what a \"no data\" answer blocks.", Reassigned.ReassignedCheckSetting.Default);
}

/// <summary>The seller's names; a consent text naming any of them (case-insensitive) names the seller.</summary>
public sealed record SellerSetting(List<string> Names)
{
    public const string DefaultSellerName = "Next Level Real Estate";
}

/// <summary>The last import of the national list and of each state's list (keyed by two-letter state).</summary>
public sealed record DncImportsSetting(DncListImport? National, Dictionary<string, DncListImport> States);

/// <summary>One completed registry import: when, how many numbers were in force after it, how many lines were rejected.</summary>
public sealed record DncListImport(DateTime ImportedAt, long Numbers, long Rejected, string ImportedBy);
