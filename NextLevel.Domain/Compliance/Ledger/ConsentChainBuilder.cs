namespace NextLevel.Domain.Compliance.Ledger;

/// <summary>
/// Links entries in memory, in the order given, for writers that insert many entries at once into an empty
/// collection (the demo seeder): the result is exactly what <see cref="ConsentLedger"/> would have written.
/// Not thread-safe: one writer.
/// </summary>
public sealed class ConsentChainBuilder
{
    private readonly Dictionary<string, ConsentChainHead> _heads = new(StringComparer.Ordinal);

    public void Link(ConsentLog entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var key = ConsentChainKey.For(entry);
        _heads[key] = ConsentChainLink.Link(entry, _heads.GetValueOrDefault(key));
    }
}
