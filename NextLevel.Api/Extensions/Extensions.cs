using NextLevel.Api.Persistence;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Extensions;

internal static class Extensions
{
    /// <summary>The Api's services: MongoDB with the domain's mappings, and the catalogue applied at start-up.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        DomainMongoMappings.Register();
        builder.AddMongoDBClient("mongodb");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<CatalogueInitializer>();
    }
}
