using MongoDB.Bson;

namespace NextLevel.Domain.Compliance.Ledger;

/// <summary>
/// Which chain an entry belongs to: its E.164 phone; without a phone <c>email:&lt;lower-case address&gt;</c>; without
/// either <c>lead:&lt;leadId&gt;</c>. An entry with none of the three cannot be chained and is refused.
/// </summary>
public static class ConsentChainKey
{
    public static string? TryFor(string? phone, string? email, ObjectId? leadId)
    {
        if (!string.IsNullOrWhiteSpace(phone)) return phone;
        if (!string.IsNullOrWhiteSpace(email)) return "email:" + email.Trim().ToLowerInvariant();
        return leadId is { } id && id != ObjectId.Empty ? "lead:" + id : null;
    }

    public static string For(ConsentLog entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return TryFor(entry.Phone, entry.Email, entry.LeadId)
            ?? throw new ArgumentException("A consent event needs a phone, an e-mail address or a lead to be chained.", nameof(entry));
    }

    /// <summary>The key an entry as stored should carry (null when it has none of the three fields).</summary>
    public static string? For(BsonDocument stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return TryFor(
            stored.GetValue("phone", BsonNull.Value) is BsonString p ? p.Value : null,
            stored.GetValue("email", BsonNull.Value) is BsonString e ? e.Value : null,
            stored.GetValue("leadId", BsonNull.Value) is BsonObjectId l ? l.Value : null);
    }

    /// <summary>A chain key safe to print: a phone keeps its last four digits, an address its domain.</summary>
    public static string Mask(string? chainKey)
    {
        if (string.IsNullOrEmpty(chainKey)) return "";
        if (chainKey.StartsWith("lead:", StringComparison.Ordinal)) return chainKey;
        if (chainKey.StartsWith("email:", StringComparison.Ordinal))
        {
            var at = chainKey.LastIndexOf('@');
            return at < 0 ? "email:***" : "email:***" + chainKey[at..];
        }
        return chainKey.Length <= 4 ? new string('*', chainKey.Length) : new string('*', chainKey.Length - 4) + chainKey[^4..];
    }
}
