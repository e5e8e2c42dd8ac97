using Microsoft.IdentityModel.Tokens;

namespace NextLevel.Api.Identity;

/// <summary>
/// The key that signs and checks access tokens (HMAC-SHA256). From configuration <c>Identity:SigningKey</c>
/// (base64, at least 32 bytes) when set — the choice for several Api instances; otherwise a random 64-byte key
/// generated once and kept in <c>Identity:KeyFile</c> (default <c>&lt;content root&gt;/.nextlevel/identity/jwt-signing-key</c>,
/// readable by the owner only), so tokens survive an Api restart.
/// </summary>
public sealed class SigningKeyProvider
{
    public const int MinimumKeyBytes = 32;

    private readonly Lazy<SymmetricSecurityKey> _key;

    public SigningKeyProvider(IConfiguration configuration, IHostEnvironment environment)
    {
        _key = new Lazy<SymmetricSecurityKey>(() => new SymmetricSecurityKey(Load(configuration, environment)) { KeyId = "nextlevel-staff" });
    }

    public SymmetricSecurityKey Key => _key.Value;

    private static byte[] Load(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration["Identity:SigningKey"] is { Length: > 0 } configured)
        {
            byte[] bytes;
            try { bytes = Convert.FromBase64String(configured); }
            catch (FormatException) { throw new InvalidOperationException("Identity:SigningKey is not valid base64."); }
            return bytes.Length >= MinimumKeyBytes ? bytes : throw new InvalidOperationException($"Identity:SigningKey must be at least {MinimumKeyBytes} bytes.");
        }

        var path = configuration["Identity:KeyFile"] is { Length: > 0 } file
            ? Path.GetFullPath(file, environment.ContentRootPath)
            : Path.Combine(environment.ContentRootPath, ".nextlevel", "identity", "jwt-signing-key");
        return ReadOrCreate(path);
    }

    private static byte[] ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var existing = Convert.FromBase64String(File.ReadAllText(path).Trim());
            if (existing.Length >= MinimumKeyBytes) return existing;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(64);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(Convert.ToBase64String(key));
        try
        {
            // Another instance may have won the race: keep its key so both sign alike.
            File.Move(temporary, path, overwrite: false);
            return key;
        }
        catch (IOException)
        {
            File.Delete(temporary);
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
    }
}
