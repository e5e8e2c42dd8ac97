using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.ServiceDiscovery;

namespace NextLevel.ServiceDefaults.Tests.ServiceDiscovery;

/// <summary>The AppHost's <c>services__api__http__0</c> is what <c>https+http://api</c> resolves to.</summary>
public class ServiceDiscoveryTests
{
    [Fact]
    public async Task Api_address_given_by_the_AppHost_resolves_the_logical_name()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["services:api:http:0"] = "http://127.0.0.1:5123";
        builder.AddServiceDefaults();
        using var host = builder.Build();

        var resolver = host.Services.GetRequiredService<ServiceEndpointResolver>();
        var endpoints = await resolver.GetEndpointsAsync("https+http://api", CancellationToken.None);

        var endpoint = Assert.Single(endpoints.Endpoints);
        Assert.Equal("http://127.0.0.1:5123/", endpoint.EndPoint.ToString());
    }
}
