using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>create/collMod options: validator, validationLevel (off|strict|moderate), validationAction (error|warn).</summary>
public sealed class CollectionOptions
{
    public static readonly CollectionOptions Default = new();

    public BsonDocument? Validator { get; init; }

    public string ValidationLevel { get; init; } = "strict";

    public string ValidationAction { get; init; } = "error";

    /// <summary>The <c>options</c> document of listCollections (and of the journal): only what was set.</summary>
    public BsonDocument ToDocument()
    {
        var options = new BsonDocument();
        if (Validator is not null)
        {
            options.Add("validator", Validator.DeepClone());
            options.Add("validationLevel", ValidationLevel);
            options.Add("validationAction", ValidationAction);
        }
        else
        {
            if (ValidationLevel != "strict") options.Add("validationLevel", ValidationLevel);
            if (ValidationAction != "error") options.Add("validationAction", ValidationAction);
        }
        return options;
    }

    public static CollectionOptions FromDocument(BsonDocument options) => new()
    {
        Validator = options.TryGetValue("validator", out var validator) && validator.IsBsonDocument ? validator.AsBsonDocument.DeepClone().AsBsonDocument : null,
        ValidationLevel = options.TryGetValue("validationLevel", out var level) && level.IsString ? level.AsString : "strict",
        ValidationAction = options.TryGetValue("validationAction", out var action) && action.IsString ? action.AsString : "error",
    };
}
