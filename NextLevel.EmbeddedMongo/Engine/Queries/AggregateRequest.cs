using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Engine.Queries;

/// <summary>The arguments of an aggregate command.</summary>
internal sealed class AggregateRequest
{
    /// <summary>The source collection, or null for <c>{ aggregate: 1 }</c>.</summary>
    public string? Collection { get; init; }

    public required BsonDocument Command { get; init; }

    public required BsonArray Stages { get; init; }

    /// <summary>The filter of a leading $match (empty when the pipeline starts otherwise), for index planning.</summary>
    public required BsonDocument LeadingMatch { get; init; }

    /// <summary>A $sort directly at the start or right after the leading $match, for index planning.</summary>
    public BsonDocument? LeadingSort { get; init; }

    public BsonValue? Hint { get; init; }

    public int? BatchSize { get; init; }

    public bool Explain { get; init; }

    public bool BypassDocumentValidation { get; init; }

    public static AggregateRequest Parse(BsonDocument command, string database)
    {
        var target = command.GetElement(0).Value;
        string? collection;
        if (target.IsString) collection = command.CollectionName(database);
        else if (target.IsNumeric && target.ToDouble() == 1) collection = null;
        else throw new MongoError(ErrorCode.InvalidNamespace, $"Invalid {{aggregate: ...}} value: must be a collection name string or 1, not {CommandArguments.TypeName(target)}");

        var stages = command.RequiredArray("pipeline");
        foreach (var stage in stages)
        {
            if (!stage.IsBsonDocument || stage.AsBsonDocument.ElementCount != 1)
                throw MongoError.Location(40323, "A pipeline stage specification object must contain exactly one field.");
        }
        if (collection is null && (stages.Count == 0 || !CollectionlessStage(stages[0].AsBsonDocument.GetElement(0).Name)))
        {
            var first = stages.Count == 0 ? "an empty pipeline" : $"'{stages[0].AsBsonDocument.GetElement(0).Name}'";
            throw new MongoError(ErrorCode.InvalidNamespace, $"{{aggregate: 1}} is not valid for {first}; a collection is required.");
        }

        var explain = command.OptionalBool("explain");
        var cursor = command.OptionalDocument("cursor");
        if (cursor is null && !explain)
            throw MongoError.FailedToParse("The 'cursor' option is required, except for aggregate with the explain argument");
        var batchSize = cursor?.OptionalLong("batchSize");
        if (batchSize < 0) throw MongoError.Location(51024, $"BSON field 'batchSize' value must be >= 0, actual value '{batchSize}'");
        CommandArguments.RequireSimpleCollation(command.GetValue("collation", BsonNull.Value));

        var (match, sort) = LeadingFilterAndSort(stages);
        return new AggregateRequest
        {
            Collection = collection,
            Command = command,
            Stages = stages,
            LeadingMatch = match,
            LeadingSort = sort,
            Hint = command.TryGetValue("hint", out var hint) && !hint.IsBsonNull ? hint : null,
            BatchSize = batchSize is null ? null : (int)Math.Min(batchSize.Value, int.MaxValue),
            Explain = explain,
            BypassDocumentValidation = command.OptionalBool("bypassDocumentValidation"),
        };
    }

    /// <summary>Stages that produce documents without a collection, valid first in <c>{ aggregate: 1 }</c>.</summary>
    private static bool CollectionlessStage(string name) => name == "$documents";

    private static (BsonDocument Match, BsonDocument? Sort) LeadingFilterAndSort(BsonArray stages)
    {
        var match = new BsonDocument();
        BsonDocument? sort = null;
        var position = 0;
        if (position < stages.Count && stages[position].AsBsonDocument.GetElement(0) is { Name: "$match", Value.IsBsonDocument: true } matchStage)
        {
            match = matchStage.Value.AsBsonDocument;
            position++;
        }
        if (position < stages.Count && stages[position].AsBsonDocument.GetElement(0) is { Name: "$sort", Value.IsBsonDocument: true } sortStage)
            sort = sortStage.Value.AsBsonDocument;
        return (match, sort);
    }
}
