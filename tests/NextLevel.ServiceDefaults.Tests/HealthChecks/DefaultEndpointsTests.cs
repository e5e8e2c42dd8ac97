using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

namespace NextLevel.ServiceDefaults.Tests.HealthChecks;

/// <summary>A real Kestrel host with the service defaults, against a MongoDB address where nothing listens.</summary>
public sealed class DefaultEndpointsTests : IAsyncLifetime
{
    // Port 9 (discard) on loopback: nothing answers, so the MongoDB check fails fast.
    private const string UnreachableMongoDB = "mongodb://127.0.0.1:9/crm_test?serverSelectionTimeoutMS=500&connectTimeoutMS=500";

    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["ConnectionStrings:mongodb"] = UnreachableMongoDB;
        builder.AddServiceDefaults();
        builder.AddMongoDBClient("mongodb");
        _app = builder.Build();
        _app.MapDefaultEndpoints();
        await _app.StartAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient CreateClient() => new() { BaseAddress = new Uri(_app.Urls.Single()) };

    [Fact]
    public async Task Alive_answers_Healthy_while_MongoDB_is_down()
    {
        using var http = CreateClient();
        using var response = await http.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_is_Unhealthy_while_MongoDB_does_not_answer_ping()
    {
        using var http = CreateClient();
        using var response = await http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Database_of_the_connection_string_is_registered_with_its_client()
    {
        var database = _app.Services.GetRequiredService<IMongoDatabase>();

        Assert.Equal("crm_test", database.DatabaseNamespace.DatabaseName);
        Assert.Same(_app.Services.GetRequiredService<IMongoClient>(), database.Client);
    }
}
