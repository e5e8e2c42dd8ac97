namespace NextLevel.Api.Dashboard;

// SKELETON: the Dashboard feature fills in its services and endpoints here (eShop style: routes first, then static handlers).
public static class DashboardApi
{
    public static void AddDashboard(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
    }

    public static RouteGroupBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("");
        return group;
    }
}
