using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NextLevel.Api.Tests.Infrastructure;

namespace NextLevel.Api.Tests.Identity;

/// <summary>The Api with its real sign-in: JWT bearer as the default scheme (the test scheme stays registered but unused).</summary>
public class RealSignInFixture : ApiFixture
{
    public static readonly string SigningKey = Convert.ToBase64String(Enumerable.Range(1, 48).Select(i => (byte)(i * 7)).ToArray());

    protected virtual int SignInPermitsPerMinute => 1000;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Identity:SigningKey", SigningKey),
        new("Identity:SignInRateLimit:PermitsPerMinute", SignInPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.PostConfigure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = JwtBearerDefaults.AuthenticationScheme;
            o.DefaultAuthenticateScheme = JwtBearerDefaults.AuthenticationScheme;
            o.DefaultChallengeScheme = JwtBearerDefaults.AuthenticationScheme;
        }));
    }
}

/// <summary>Real sign-in with only three attempts a minute, to see the limiter.</summary>
public sealed class StrictSignInFixture : RealSignInFixture
{
    protected override int SignInPermitsPerMinute => 3;
}
