namespace NextLevel.Api.Intake;

/// <summary>Configuration section <c>Intake</c>: the per-source secrets and the intake tunables.</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    public GoogleAdsOptions GoogleAds { get; set; } = new();

    public SecretOptions Zillow { get; set; } = new();

    public SecretOptions RealGeeks { get; set; } = new();

    /// <summary>How long the list of active campaigns is reused before it is read again (0 = every lead).</summary>
    public double CampaignCacheSeconds { get; set; } = 5;

    /// <summary>Largest CSV file <c>POST /api/leads/import</c> accepts.</summary>
    public long MaxImportBytes { get; set; } = 100L * 1024 * 1024;
}

public sealed class GoogleAdsOptions
{
    /// <summary>The key set on the lead form; Google echoes it as <c>google_key</c>.</summary>
    public string? Key { get; set; }

    /// <summary>The column_id of a custom question whose affirmative answer is written consent (its column_name is the text shown).</summary>
    public string ConsentColumnId { get; set; } = "TCPA_CONSENT";

    /// <summary>Intent of Google Ads form leads (our ads ask owners who want to sell).</summary>
    public string Intent { get; set; } = "seller";
}

public sealed class SecretOptions
{
    public string? Secret { get; set; }
}
