namespace NextLevel.Domain.Closers.Routing;

/// <summary>A campaign's routing rules (<c>campaigns.routing</c>); a campaign without them routes with the defaults.</summary>
public sealed class CampaignRouting
{
    public const int DefaultClaimWindowSeconds = 300;
    public const int DefaultMaxOffers = 3;
    public const int MinClaimWindowSeconds = 30;
    public const int MaxClaimWindowSeconds = 86_400;
    public const int MaxMaxOffers = 20;

    public RoutingMode Mode { get; set; } = RoutingMode.RoundRobin;

    public int ClaimWindowSeconds { get; set; } = DefaultClaimWindowSeconds;

    /// <summary>Offers to distinct closers before the lead goes to the campaign's shared pool.</summary>
    public int MaxOffers { get; set; } = DefaultMaxOffers;

    /// <summary>Position in the rotation: the next offer starts looking here (modulo the rotation's length).</summary>
    public long RotationCursor { get; set; }
}
