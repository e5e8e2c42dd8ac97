using System.Text.Json;
using System.Text.Json.Serialization;
using MongoDB.Bson;

namespace NextLevel.Api.Extensions;

/// <summary>ObjectId in JSON as its 24-hex-digit string; anything else is a JSON error.</summary>
internal sealed class ObjectIdJsonConverter : JsonConverter<ObjectId>
{
    public override ObjectId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && ObjectId.TryParse(reader.GetString(), out var id)
            ? id
            : throw new JsonException("Expected a 24-hex-digit id.");

    public override void Write(Utf8JsonWriter writer, ObjectId value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
