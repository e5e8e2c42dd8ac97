using System.Security.Cryptography;
using System.Text;

namespace NextLevel.AppHost.Otlp;

/// <summary>
/// The key exporters must send in <c>x-otlp-api-key</c>, new for each run of the AppHost (as Aspire's dashboard
/// does). Compared in constant time. [Immutable]
/// </summary>
public sealed class OtlpApiKey(string value)
{
    public const string HeaderName = "x-otlp-api-key";

    private readonly byte[] _expected = Encoding.UTF8.GetBytes(value);

    public string Value { get; } = value;

    public static OtlpApiKey Generate() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    public bool IsValid(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _expected);
}
