namespace NextLevel.Api.Intake;

// SKELETON: the Intake feature fills in its services and endpoints here (eShop style: routes first, then static handlers).
public static class IntakeApi
{
    public static void AddIntake(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
    }

    public static RouteGroupBuilder MapIntakeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("");
        return group;
    }
}
