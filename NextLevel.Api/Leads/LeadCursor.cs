using System.Buffers.Text;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;

namespace NextLevel.Api.Leads;

/// <summary>
/// The opaque keyset cursor: the sort's name and the last row's sort values, as URL-safe base64 BSON. Decoding
/// accepts only scalar values of the kinds the sorts use, so a forged cursor cannot carry query operators.
/// </summary>
public static class LeadCursor
{
    public static string Encode(LeadSort sort, IReadOnlyList<BsonValue> values) =>
        Base64Url.EncodeToString(new BsonDocument { { "s", sort.Name }, { "v", new BsonArray(values) } }.ToBson());

    public static bool TryDecode(string text, LeadSort sort, out IReadOnlyList<BsonValue> values)
    {
        values = [];
        if (text.Length > 2048) return false;
        try
        {
            var bytes = Base64Url.DecodeFromChars(text);
            var document = BsonSerializer.Deserialize<BsonDocument>(new BsonBinaryReader(new MemoryStream(bytes)));
            if (!document.TryGetValue("s", out var name) || name != sort.Name) return false;
            if (!document.TryGetValue("v", out var v) || v is not BsonArray array || array.Count != sort.Keys.Count) return false;
            if (array.Any(x => x.BsonType is not (BsonType.Null or BsonType.String or BsonType.Double or BsonType.Int32 or BsonType.Int64 or BsonType.DateTime or BsonType.ObjectId))) return false;
            if (array[^1].BsonType != BsonType.ObjectId) return false;
            values = [.. array];
            return true;
        }
        catch (Exception ex) when (ex is FormatException or EndOfStreamException or BsonSerializationException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }
}
