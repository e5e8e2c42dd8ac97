namespace NextLevel.Api.Properties;

// SKELETON: the Properties feature fills in its services and endpoints here (eShop style: routes first, then static handlers).
public static class PropertiesApi
{
    public static void AddProperties(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
    }

    public static RouteGroupBuilder MapPropertiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("");
        return group;
    }
}
