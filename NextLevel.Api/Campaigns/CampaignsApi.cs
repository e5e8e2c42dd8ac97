namespace NextLevel.Api.Campaigns;

// SKELETON: the Campaigns feature fills in its services and endpoints here (eShop style: routes first, then static handlers).
public static class CampaignsApi
{
    public static void AddCampaigns(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
    }

    public static RouteGroupBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("");
        return group;
    }
}
