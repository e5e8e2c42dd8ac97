using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.EmbeddedMongo.Conformance.Execution;

namespace NextLevel.EmbeddedMongo.Conformance.Operations;

/// <summary>Maps the common CRUD arguments of test files onto the driver's definition and option types.</summary>
public static class DriverArgumentMapping
{
    public static FilterDefinition<BsonDocument> Filter(this OperationArguments arguments, bool required = true)
        => new BsonDocumentFilterDefinition<BsonDocument>(required ? arguments.RequiredDocument("filter") : arguments.OptionalDocument("filter") ?? []);

    public static Collation? Collation(this OperationArguments arguments)
        => arguments.OptionalDocument("collation") is { } collation ? MongoDB.Driver.Collation.FromBsonDocument(collation) : null;

    /// <summary>A hint is an index name or an index key pattern; the driver takes either as a BSON value.</summary>
    public static BsonValue? Hint(this OperationArguments arguments) => arguments.Optional("hint");

    public static BsonValue? Comment(this OperationArguments arguments) => arguments.Optional("comment");

    public static BsonDocument? Let(this OperationArguments arguments) => arguments.OptionalDocument("let");

    public static SortDefinition<BsonDocument>? Sort(this OperationArguments arguments)
        => arguments.OptionalDocument("sort") is { } sort ? new BsonDocumentSortDefinition<BsonDocument>(sort) : null;

    public static ProjectionDefinition<BsonDocument, BsonDocument>? Projection(this OperationArguments arguments)
        => arguments.OptionalDocument("projection") is { } projection
            ? new BsonDocumentProjectionDefinition<BsonDocument, BsonDocument>(projection)
            : null;

    public static IEnumerable<ArrayFilterDefinition>? ArrayFilters(this OperationArguments arguments)
        => arguments.Optional("arrayFilters") is BsonArray filters
            ? filters.Select(f => (ArrayFilterDefinition)new BsonDocumentArrayFilterDefinition<BsonDocument>(f.AsBsonDocument)).ToList()
            : null;

    /// <summary>An update is either a document of update operators or an aggregation pipeline (an array of stages).</summary>
    public static UpdateDefinition<BsonDocument> Update(this OperationArguments arguments) => ToUpdate(arguments.Required("update"));

    public static UpdateDefinition<BsonDocument> ToUpdate(BsonValue update) => update switch
    {
        BsonDocument document => new BsonDocumentUpdateDefinition<BsonDocument>(document),
        BsonArray stages => new PipelineUpdateDefinition<BsonDocument>(Pipeline(stages)),
        _ => throw new InvalidOperationException($"an update must be a document or a pipeline, not {update.BsonType}"),
    };

    public static PipelineDefinition<BsonDocument, BsonDocument> Pipeline(BsonArray stages)
        => PipelineDefinition<BsonDocument, BsonDocument>.Create(stages.Select(s => s.AsBsonDocument));

    public static ReturnDocument? ReturnDocument(this OperationArguments arguments)
        => arguments.OptionalString("returnDocument") switch
        {
            null => null,
            "Before" or "before" => MongoDB.Driver.ReturnDocument.Before,
            "After" or "after" => MongoDB.Driver.ReturnDocument.After,
            var other => throw new UnsupportedByRunnerException($"returnDocument '{other}'"),
        };
}
