namespace NextLevel.Api.Identity;

// SKELETON: the Identity feature fills in its services and endpoints here (eShop style: routes first, then static handlers).
public static class IdentityApi
{
    public static void AddIdentity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
    }

    public static RouteGroupBuilder MapIdentityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("");
        return group;
    }
}
