using System.Globalization;
using System.Text;
using MongoDB.Bson;

namespace NextLevel.Api.Calls;

/// <summary>An opaque keyset cursor: the instant and id of the last row of a page, newest first.</summary>
public static class KeysetCursor
{
    public static string Encode(DateTime at, ObjectId id) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes($"{at.Ticks.ToString(CultureInfo.InvariantCulture)}:{id}"));

    public static bool TryDecode(string? text, out DateTime at, out ObjectId id)
    {
        at = default;
        id = default;
        if (string.IsNullOrEmpty(text) || text.Length > 100) return false;
        try
        {
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(text)).Split(':');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks || !ObjectId.TryParse(parts[1], out id))
            {
                return false;
            }
            at = new DateTime(ticks, DateTimeKind.Utc);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Rows after (at, id) in (field desc, _id desc) order.</summary>
    public static BsonDocument After(string field, DateTime at, ObjectId id) => new("$or", new BsonArray
    {
        new BsonDocument(field, new BsonDocument("$lt", at)),
        new BsonDocument { { field, at }, { "_id", new BsonDocument("$lt", id) } },
    });
}
