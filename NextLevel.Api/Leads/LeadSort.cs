using MongoDB.Bson;
using NextLevel.Domain.Leads;

namespace NextLevel.Api.Leads;

/// <summary>
/// A sort order of the lead list: its keys (ending with _id, so the order is total) and each key's value on a lead,
/// used to write and follow a keyset cursor.
/// </summary>
public sealed record LeadSort(string Name, IReadOnlyList<(string Field, int Direction)> Keys, Func<Lead, BsonValue[]> ValuesOf)
{
    public static readonly LeadSort ReceivedAt = new("receivedAt", [("receivedAt", -1), ("_id", -1)],
        l => [new BsonDateTime(l.ReceivedAt), l.Id]);

    public static readonly LeadSort Score = new("score", [("qualification.score", -1), ("_id", -1)],
        l => [l.Qualification is { } q ? new BsonDouble(q.Score) : BsonNull.Value, l.Id]);

    public static readonly LeadSort ByName = new("name", [("contact.lastName", 1), ("contact.firstName", 1), ("_id", 1)],
        l => [Text(l.Contact.LastName), Text(l.Contact.FirstName), l.Id]);

    /// <summary>The same keys the other way (still index-backed: an index is read backwards), under its own name for cursors.</summary>
    public static readonly LeadSort ReceivedAtOldestFirst = ReceivedAt.Reversed("receivedAt.asc");

    public static readonly LeadSort ScoreLowestFirst = Score.Reversed("score.asc");

    public static readonly LeadSort ByNameReversed = ByName.Reversed("name.desc");

    /// <summary>A field in its natural order (receivedAt newest first, score highest first, name A to Z), or with .asc/.desc.</summary>
    public static LeadSort? Parse(string? text) => text switch
    {
        null or "" or "receivedAt" or "receivedAt.desc" => ReceivedAt,
        "receivedAt.asc" => ReceivedAtOldestFirst,
        "score" or "score.desc" => Score,
        "score.asc" => ScoreLowestFirst,
        "name" or "name.asc" => ByName,
        "name.desc" => ByNameReversed,
        _ => null,
    };

    private LeadSort Reversed(string name) => new(name, [.. Keys.Select(k => (k.Field, -k.Direction))], ValuesOf);

    public BsonDocument SortDocument()
    {
        var sort = new BsonDocument();
        foreach (var (field, direction) in Keys) sort[field] = direction;
        return sort;
    }

    /// <summary>
    /// The rows after <paramref name="last"/> in this order: for keys k1..kn, k1 beyond v1, or k1 = v1 and k2 beyond
    /// v2, and so on. Null sorts first ascending and last descending, as MongoDB orders it.
    /// </summary>
    public BsonDocument After(IReadOnlyList<BsonValue> last)
    {
        var branches = new BsonArray();
        for (var i = 0; i < Keys.Count; i++)
        {
            var (field, direction) = Keys[i];
            var beyond = Beyond(field, direction, last[i]);
            if (beyond is null) continue;
            var branch = new BsonDocument();
            for (var j = 0; j < i; j++) branch[Keys[j].Field] = last[j].IsBsonNull ? BsonNull.Value : last[j];
            branches.Add(new BsonDocument("$and", new BsonArray { branch, beyond }));
        }
        return branches.Count == 0 ? new BsonDocument("_id", new BsonDocument("$in", new BsonArray())) : new BsonDocument("$or", branches);
    }

    private static BsonDocument? Beyond(string field, int direction, BsonValue value) => (direction, value.IsBsonNull) switch
    {
        (> 0, true) => new BsonDocument(field, new BsonDocument("$ne", BsonNull.Value)),
        (> 0, false) => new BsonDocument(field, new BsonDocument("$gt", value)),
        (< 0, true) => null,
        _ => new BsonDocument("$or", new BsonArray
        {
            new BsonDocument(field, new BsonDocument("$lt", value)),
            new BsonDocument(field, BsonNull.Value),
        }),
    };

    private static BsonValue Text(string? value) => value is null ? BsonNull.Value : new BsonString(value);
}
