using System.Globalization;
using CsCheck;
using MongoDB.Bson;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Compliance.Ledger;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Tests.Compliance.Ledger;

/// <summary>Random consent ledgers: a few phones, entries of every kind appended in an interleaved order.</summary>
internal static class LedgerSamples
{
    public static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public sealed record EntrySpec(int Phone, ConsentEventType Type, int MinutesAfterStart, string? Text, bool WithEmail, bool Verified, ContactChannel[]? Channels);

    public static readonly Gen<EntrySpec> Entry =
        Gen.Select(Gen.Int[0, 3], Gen.OneOf(ConsentEventType.ConsentGranted, ConsentEventType.ConsentRevoked, ConsentEventType.DncAdded, ConsentEventType.DncRemoved),
                Gen.Int[0, 500_000], Gen.String[Gen.Char.AlphaNumeric, 0, 30].Select(s => s.Length == 0 ? null : s), Gen.Bool, Gen.Bool,
                Gen.OneOf(ContactChannel.AutomatedCall, ContactChannel.ManualCall, ContactChannel.Sms, ContactChannel.Email).Array[0, 3].Select(a => a.Length == 0 ? null : a))
            .Select(t => new EntrySpec(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7));

    /// <summary>A ledger of 1–24 entries over up to four phones, as stored documents.</summary>
    public static readonly Gen<List<BsonDocument>> Ledgers = Entry.List[1, 24].Select(Build);

    public static string Phone(int i) => "+1206555010" + i.ToString(CultureInfo.InvariantCulture);

    public static ObjectId Id(int i) => ObjectId.Parse((0x65000000 + i).ToString("x8", CultureInfo.InvariantCulture) + "a1b2c3d4e5f60718");

    public static List<BsonDocument> Build(List<EntrySpec> specs)
    {
        DomainMongoMappings.Register();
        var builder = new ConsentChainBuilder();
        var result = new List<BsonDocument>(specs.Count);
        for (var i = 0; i < specs.Count; i++)
        {
            var entry = ToEntry(specs[i], Id(i));
            builder.Link(entry);
            result.Add(entry.ToBsonDocument());
        }
        return result;
    }

    public static ConsentLog ToEntry(EntrySpec spec, ObjectId id) => new()
    {
        Id = id,
        LeadId = Id(1000 + spec.Phone),
        Phone = Phone(spec.Phone),
        Email = spec.WithEmail ? "owner" + spec.Phone.ToString(CultureInfo.InvariantCulture) + "@example.com" : null,
        EventType = spec.Type,
        ConsentDetails = spec.Type == ConsentEventType.ConsentGranted
            ? new ConsentDetails { Method = ConsentMethod.WebForm, Source = "web", ConsentText = spec.Text, AutomatedCallsAllowed = true, TextMessagesAllowed = spec.Verified }
            : null,
        Channels = spec.Channels?.ToList(),
        Evidence = spec.Type == ConsentEventType.ConsentRevoked ? spec.Text : null,
        Timestamp = Start.AddMinutes(spec.MinutesAfterStart),
        RecordedBy = "staff",
        Verified = spec.Verified,
        VerifiedAt = spec.Verified ? Start.AddMinutes(spec.MinutesAfterStart + 1) : null,
    };

    /// <summary>An anchor over the ledger as it is (every chain head).</summary>
    public static LedgerAnchor AnchorOf(IEnumerable<BsonDocument> ledger)
    {
        var heads = ledger.GroupBy(d => d["chainKey"].AsString)
            .Select(g => g.OrderBy(d => d["sequence"].ToInt64()).Last())
            .Select(d => new ConsentChainHead(d["chainKey"].AsString, d["sequence"].ToInt64(), d["hash"].AsString))
            .ToList();
        return new LedgerAnchor(new DateOnly(2026, 3, 1), Start, heads, heads.Count, LedgerAnchor.Root(heads), LedgerCanonicalForm.GenesisHash);
    }

    public static List<BsonDocument> Chain(IEnumerable<BsonDocument> ledger, string chainKey) =>
        ledger.Where(d => d["chainKey"].AsString == chainKey).OrderBy(d => d["sequence"].ToInt64()).ToList();

    public static List<BsonDocument> Clone(IEnumerable<BsonDocument> ledger) => ledger.Select(d => d.DeepClone().AsBsonDocument).ToList();

    /// <summary>Every field path of a document (nested documents and array elements included), e.g. "consentDetails.consentText", "channels.1".</summary>
    public static List<string> Paths(BsonDocument document, string prefix = "")
    {
        var paths = new List<string>();
        foreach (var element in document)
        {
            var path = prefix + element.Name;
            paths.Add(path);
            if (element.Value is BsonDocument sub) paths.AddRange(Paths(sub, path + "."));
            else if (element.Value is BsonArray array)
                for (var i = 0; i < array.Count; i++) paths.Add(path + "." + i.ToString(CultureInfo.InvariantCulture));
        }
        return paths;
    }

    /// <summary>Sets (or, with null, removes) the value at a path made by <see cref="Paths"/>, or adds a top-level field.</summary>
    public static void Set(BsonDocument document, string path, BsonValue? value)
    {
        var parts = path.Split('.');
        BsonValue container = document;
        for (var i = 0; i < parts.Length - 1; i++)
            container = container is BsonArray a ? a[int.Parse(parts[i], CultureInfo.InvariantCulture)] : container.AsBsonDocument[parts[i]];
        var last = parts[^1];
        if (container is BsonArray array)
        {
            var index = int.Parse(last, CultureInfo.InvariantCulture);
            if (value is null) array.RemoveAt(index);
            else array[index] = value;
        }
        else if (value is null) container.AsBsonDocument.Remove(last);
        else container.AsBsonDocument[last] = value;
    }

    /// <summary>Any BSON value a tampering hand might write.</summary>
    public static readonly Gen<BsonValue?> Value = Gen.OneOf<BsonValue?>(
        Gen.String[Gen.Char.AlphaNumeric, 0, 12].Select(s => (BsonValue?)new BsonString(s)),
        Gen.Int.Select(i => (BsonValue?)new BsonInt32(i)),
        Gen.Long.Select(l => (BsonValue?)new BsonInt64(l)),
        Gen.Double.Select(d => (BsonValue?)new BsonDouble(d)),
        Gen.Bool.Select(b => (BsonValue?)BsonBoolean.Create(b)),
        Gen.Int[0, 1_000_000].Select(m => (BsonValue?)new BsonDateTime(Start.AddMinutes(m))),
        Gen.Const<BsonValue?>(BsonNull.Value),
        Gen.Const((BsonValue?)null),
        Gen.Int[0, 9999].Select(i => (BsonValue?)new BsonObjectId(Id(5000 + i))));
}
