using System.Security.Cryptography;
using MongoDB.Bson;

namespace NextLevel.Domain.Compliance.Ledger;

/// <summary>
/// The canonical form of a consent_logs entry: the stored BSON document without its <c>hash</c> field, with the
/// fields of every (sub)document sorted by name (ordinal), array order kept, written as raw BSON. Raw BSON keeps the
/// exact types and values (an int32 turned int64, a date moved by a millisecond, a double's last bit all change the
/// bytes), which relaxed Extended JSON would blur. The entry's hash is the lower-case hex SHA-256 of these bytes.
/// </summary>
public static class LedgerCanonicalForm
{
    public const string HashField = "hash";

    /// <summary>The link of the first entry of a chain.</summary>
    public static readonly string GenesisHash = new('0', 64);

    public static byte[] Bytes(BsonDocument entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var sorted = Sorted(entry, skipHash: true);
        return sorted.ToBson();
    }

    public static string Hash(BsonDocument entry) => Convert.ToHexStringLower(SHA256.HashData(Bytes(entry)));

    private static BsonDocument Sorted(BsonDocument document, bool skipHash)
    {
        var result = new BsonDocument(allowDuplicateNames: true);
        foreach (var element in document.Elements.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (skipHash && element.Name == HashField) continue;
            result.Add(element.Name, Sorted(element.Value));
        }
        return result;
    }

    private static BsonValue Sorted(BsonValue value) => value switch
    {
        BsonDocument document => Sorted(document, skipHash: false),
        BsonArray array => new BsonArray(array.Select(Sorted)),
        _ => value,
    };
}
