using MongoDB.Bson;
using MongoDB.Bson.IO;

namespace NextLevel.EmbeddedMongo.Conformance.Matching;

/// <summary>Short relaxed extended JSON of any BSON value, for failure messages.</summary>
public static class BsonText
{
    private const int MaxLength = 300;

    private static readonly JsonWriterSettings Settings = new() { OutputMode = JsonOutputMode.RelaxedExtendedJson };

    public static string Show(BsonValue value)
    {
        // The JSON writer only writes documents at the top level, so wrap the value and unwrap the text.
        var wrapped = new BsonDocument("v", value).ToJson(Settings);
        var text = wrapped["{ \"v\" : ".Length..^2];
        return text.Length <= MaxLength ? text : text[..MaxLength] + "…";
    }
}
