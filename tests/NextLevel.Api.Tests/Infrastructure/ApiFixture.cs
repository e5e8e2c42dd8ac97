using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MongoDB.Driver;
using NextLevel.EmbeddedMongo;

namespace NextLevel.Api.Tests.Infrastructure;

/// <summary>
/// The Api in memory (WebApplicationFactory) against an in-process embedded engine, one database per fixture
/// (so test classes never see each other's data), a fake clock and test sign-in (<see cref="TestAuthHandler"/>).
/// </summary>
public class ApiFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Monday 2 March 2026, 17:00 UTC: 09:00 in Seattle, 12:00 in New York — inside every calling window.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    private EmbeddedMongoServer? _server;

    public FakeTimeProvider Clock { get; } = new(DefaultNow);

    public string DatabaseName { get; } = "api_" + Guid.NewGuid().ToString("N")[..12];

    public IMongoDatabase Database => Services.GetRequiredService<IMongoDatabase>();

    /// <summary>Extra configuration for a derived fixture (secrets, options).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    public async Task InitializeAsync()
    {
        _server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions { Port = 0 });
        // Start the host now so the catalogue is applied before the first test.
        _ = Server;
    }

    /// <summary>A client signed in with the given role (comma-separated for several).</summary>
    public HttpClient CreateStaffClient(string role = "admin", string? userId = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthHandler.RoleHeader, role);
        if (userId is not null) client.DefaultRequestHeaders.Add(TestAuthHandler.UserHeader, userId);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:mongodb", _server!.ConnectionString + DatabaseName);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddAuthentication(TestAuthHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { });
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultScheme = TestAuthHandler.SchemeName;
                o.DefaultAuthenticateScheme = TestAuthHandler.SchemeName;
                o.DefaultChallengeScheme = TestAuthHandler.SchemeName;
            });
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}
