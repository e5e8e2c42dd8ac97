namespace NextLevel.Api.Compliance;

// SKELETON: the Compliance feature fills in its services and endpoints here (eShop style: routes first, then static handlers).
public static class ComplianceApi
{
    public static void AddCompliance(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
    }

    public static RouteGroupBuilder MapComplianceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("");
        return group;
    }
}
