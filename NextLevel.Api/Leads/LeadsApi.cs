namespace NextLevel.Api.Leads;

// SKELETON: the Leads feature fills in its services and endpoints here (eShop style: routes first, then static handlers).
public static class LeadsApi
{
    public static void AddLeads(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
    }

    public static RouteGroupBuilder MapLeadsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("");
        return group;
    }
}
