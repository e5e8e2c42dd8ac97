using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Query.JsonSchema;

namespace NextLevel.EmbeddedMongo.Query.Filters;

/// <summary><c>$jsonSchema</c>: the document is valid against the compiled schema.</summary>
internal sealed class JsonSchemaFilter(SchemaNode schema) : Filter
{
    public override bool Matches(BsonDocument document, MatchDetails? details = null) => schema.IsValid(document);
}
