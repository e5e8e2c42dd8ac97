using System.Collections.Concurrent;
using NextLevel.AppHost.Dashboard;

namespace NextLevel.AppHost.Otlp;

/// <summary>
/// Canonical instances of recurring strings (attribute keys, span and scope names), with whether the name looks like
/// a secret, so a million stored spans share a few hundred strings and masking decides once per name. Past
/// <see cref="MaxEntries"/> names are passed through unshared, so the cache itself stays bounded. [ThreadSafe]
/// </summary>
internal sealed class NameCache
{
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (string Key, bool Secret)> _entries = new(StringComparer.Ordinal);

    public (string Key, bool Secret) Get(string name)
    {
        if (_entries.TryGetValue(name, out var entry))
        {
            return entry;
        }
        entry = (name, SecretMasker.IsSecretName(name));
        return _entries.Count < MaxEntries ? _entries.GetOrAdd(name, entry) : entry;
    }
}
