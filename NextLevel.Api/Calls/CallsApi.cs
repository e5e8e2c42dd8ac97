namespace NextLevel.Api.Calls;

// SKELETON: the Calls feature fills in its services and endpoints here (eShop style: routes first, then static handlers).
public static class CallsApi
{
    public static void AddCalls(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
    }

    public static RouteGroupBuilder MapCallsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("");
        return group;
    }
}
