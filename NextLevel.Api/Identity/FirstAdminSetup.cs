using System.Security.Cryptography;
using System.Text;

namespace NextLevel.Api.Identity;

/// <summary>
/// The one-time token that lets the first admin be created without a default password. Made at start-up when no
/// staff user exists and written to the log; void once used (or when users already exist).
/// [Singleton - ThreadSafe]
/// </summary>
public sealed class FirstAdminSetup
{
    private readonly Lock _gate = new();
    private string? _token;

    /// <summary>The current token, or null when setup is not open.</summary>
    public string? Token { get { lock (_gate) return _token; } }

    public string Open()
    {
        lock (_gate) return _token ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
    }

    /// <summary>True exactly once for the right token: the caller then creates the first admin.</summary>
    public bool TryConsume(string token)
    {
        lock (_gate)
        {
            if (_token is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(_token), Encoding.UTF8.GetBytes(token))) return false;
            _token = null;
            return true;
        }
    }

    public void Close()
    {
        lock (_gate) _token = null;
    }
}

/// <summary>At start-up, opens first-time setup when there is no staff user and prints how to use it.</summary>
internal sealed partial class FirstAdminSetupStarter(StaffUserStore users, FirstAdminSetup setup, ILogger<FirstAdminSetupStarter> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await users.AnyAsync(cancellationToken)) return;
        LogSetupToken(logger, setup.Open());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "First-time setup: POST /api/auth/setup with token {Token}")]
    private static partial void LogSetupToken(ILogger logger, string token);
}
