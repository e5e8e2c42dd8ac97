using System.ComponentModel.DataAnnotations;

namespace NextLevel.Worker.Providers.DncScrub;

/// <summary>
/// Configuration section <c>Providers:DncScrub</c> for DNCScrub's RND Basic (a query of the FCC Reassigned Numbers
/// Database). Used only when <see cref="ApiKey"/> is set; otherwise the simulator answers.
/// </summary>
public sealed class DncScrubRndOptions
{
    public const string SectionName = "Providers:DncScrub";

    /// <summary>The account's LoginId, sent as the <c>loginId</c> header.</summary>
    [Required]
    public string ApiKey { get; set; } = "";

    [Required, Url]
    public string BaseUrl { get; set; } = "https://dataapi.dncscrub.com";

    /// <summary>The API version segment of the path (<c>/{ApiVersion}/Data/RNDBasic</c>).</summary>
    [Required, RegularExpression(@"^v[0-9]+(\.[0-9]+)?$")]
    public string ApiVersion { get; set; } = "v1.5";

    /// <summary>The provider's limit: at most this many requests per <see cref="RateLimitWindow"/> (documented: 50 a minute).</summary>
    [Range(1, 10_000)]
    public int RequestsPerWindow { get; set; } = 50;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Numbers per batch request (documented maximum 1,000).</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>Ask the provider's sandbox (random answers) instead of the database; for trying an account.</summary>
    public bool UseSandbox { get; set; }
}
