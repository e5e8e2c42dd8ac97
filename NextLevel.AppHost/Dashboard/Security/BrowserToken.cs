using System.Security.Cryptography;
using System.Text;

namespace NextLevel.AppHost.Dashboard.Security;

/// <summary>
/// The login token printed at start (as Aspire's dashboard does) and the session value its cookie then carries.
/// Both are new for each run of the AppHost, so a link from an earlier run opens nothing. [Immutable]
/// </summary>
public sealed class BrowserToken(string token, bool unsecured)
{
    public const string CookieName = "nextlevel.ops";

    private readonly byte[] _token = Encoding.UTF8.GetBytes(token);
    private readonly byte[] _session = RandomNumberGenerator.GetBytes(32);

    public string Token { get; } = token;

    /// <summary>Started with <c>--dashboard-unsecured</c>: no login.</summary>
    public bool Unsecured { get; } = unsecured;

    public string SessionValue => Convert.ToBase64String(_session);

    public static BrowserToken Generate(bool unsecured) => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), unsecured);

    public bool IsToken(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _token);

    public bool IsSession(string? cookie)
    {
        if (cookie is null)
        {
            return false;
        }
        Span<byte> presented = stackalloc byte[64];
        return Convert.TryFromBase64String(cookie, presented, out var written)
            && CryptographicOperations.FixedTimeEquals(presented[..written], _session);
    }

    public string LoginUrl(int port) => $"http://127.0.0.1:{port}/login?t={Token}";
}
