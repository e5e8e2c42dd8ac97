using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.EmbeddedMongo.Conformance.Entities;
using NextLevel.EmbeddedMongo.Conformance.Execution;

namespace NextLevel.EmbeddedMongo.Conformance.Operations;

/// <summary>Operations on a database entity.</summary>
public static class DatabaseOperations
{
    public static async Task<OperationResult> Aggregate(IMongoDatabase database, OperationArguments arguments, OperationContext context)
    {
        var stages = arguments.Required("pipeline").AsBsonArray;
        var pipeline = PipelineDefinition<NoPipelineInput, BsonDocument>.Create(stages.Select(s => s.AsBsonDocument));
        var options = CollectionReadOperations.AggregateOptions(arguments);
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        if (CollectionReadOperations.EndsWithOutputStage(stages))
        {
            await DriverCall.Run(() => session is null
                ? database.AggregateToCollectionAsync(pipeline, options, context.CancellationToken)
                : database.AggregateToCollectionAsync(session, pipeline, options, context.CancellationToken));
            return OperationResult.Documents([]);
        }

        var documents = await DriverCall.Run(async () =>
        {
            using var cursor = session is null
                ? await database.AggregateAsync(pipeline, options, context.CancellationToken)
                : await database.AggregateAsync(session, pipeline, options, context.CancellationToken);
            return await cursor.ToListAsync(context.CancellationToken);
        });
        return OperationResult.Documents(documents);
    }

    public static async Task<OperationResult> RunCommand(IMongoDatabase database, OperationArguments arguments, OperationContext context)
    {
        var command = new BsonDocumentCommand<BsonDocument>(arguments.RequiredDocument("command"));
        arguments.Accept("commandName");
        var readPreference = arguments.OptionalDocument("readPreference") is { } preference ? DriverSettingsParser.ParseReadPreference(preference) : null;
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        var reply = await DriverCall.Run(() => session is null
            ? database.RunCommandAsync(command, readPreference, context.CancellationToken)
            : database.RunCommandAsync(session, command, readPreference, context.CancellationToken));
        return OperationResult.Document(reply);
    }

    public static async Task<OperationResult> CreateCollection(IMongoDatabase database, OperationArguments arguments, OperationContext context)
    {
        var name = arguments.RequiredString("collection");
        var options = new CreateCollectionOptions<BsonDocument>
        {
            Capped = arguments.OptionalBool("capped"),
            MaxSize = arguments.OptionalLong("size"),
            MaxDocuments = arguments.OptionalLong("max"),
            Collation = arguments.Collation(),
            ExpireAfter = arguments.Optional("expireAfterSeconds") is { } seconds ? TimeSpan.FromSeconds(seconds.ToDouble()) : null,
        };
        if (arguments.OptionalDocument("validator") is { } validator) options.Validator = new BsonDocumentFilterDefinition<BsonDocument>(validator);
        if (arguments.OptionalString("validationLevel") is { } level) options.ValidationLevel = Enum.Parse<DocumentValidationLevel>(level, ignoreCase: true);
        if (arguments.OptionalString("validationAction") is { } action) options.ValidationAction = Enum.Parse<DocumentValidationAction>(action, ignoreCase: true);
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        await DriverCall.Run(() => session is null
            ? database.CreateCollectionAsync(name, options, context.CancellationToken)
            : database.CreateCollectionAsync(session, name, options, context.CancellationToken));
        return OperationResult.None;
    }

    public static async Task<OperationResult> DropCollection(IMongoDatabase database, OperationArguments arguments, OperationContext context)
    {
        var name = arguments.RequiredString("collection");
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        await DriverCall.Run(() => session is null
            ? database.DropCollectionAsync(name, context.CancellationToken)
            : database.DropCollectionAsync(session, name, cancellationToken: context.CancellationToken));
        return OperationResult.None;
    }

    /// <summary>The driver has no collMod helper; the spec's modifyCollection is that command.</summary>
    public static async Task<OperationResult> ModifyCollection(IMongoDatabase database, OperationArguments arguments, OperationContext context)
    {
        var command = new BsonDocument("collMod", arguments.RequiredString("collection"));
        foreach (var name in new[] { "validator", "validationLevel", "validationAction", "index", "expireAfterSeconds", "changeStreamPreAndPostImages" })
        {
            if (arguments.Optional(name) is { } value) command[name] = value;
        }
        arguments.EnsureAllUsed();

        var reply = await DriverCall.Run(() => database.RunCommandAsync<BsonDocument>(command, cancellationToken: context.CancellationToken));
        return OperationResult.Document(reply);
    }

    public static async Task<OperationResult> ListCollections(IMongoDatabase database, OperationArguments arguments, OperationContext context)
    {
        var options = ListCollectionsOptions(arguments);
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        var collections = await DriverCall.Run(async () =>
        {
            using var cursor = session is null
                ? await database.ListCollectionsAsync(options, context.CancellationToken)
                : await database.ListCollectionsAsync(session, options, context.CancellationToken);
            return await cursor.ToListAsync(context.CancellationToken);
        });
        return OperationResult.Documents(collections);
    }

    public static async Task<OperationResult> ListCollectionNames(IMongoDatabase database, OperationArguments arguments, OperationContext context)
    {
        var filter = arguments.OptionalDocument("filter");
        var options = new ListCollectionNamesOptions { Filter = filter is null ? null : new BsonDocumentFilterDefinition<BsonDocument>(filter) };
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        var names = await DriverCall.Run(async () =>
        {
            using var cursor = session is null
                ? await database.ListCollectionNamesAsync(options, context.CancellationToken)
                : await database.ListCollectionNamesAsync(session, options, context.CancellationToken);
            return await cursor.ToListAsync(context.CancellationToken);
        });
        return OperationResult.Plain(new BsonArray(names));
    }

    private static ListCollectionsOptions ListCollectionsOptions(OperationArguments arguments)
    {
        var filter = arguments.OptionalDocument("filter");
        return new ListCollectionsOptions
        {
            BatchSize = arguments.OptionalInt("batchSize"),
            Filter = filter is null ? null : new BsonDocumentFilterDefinition<BsonDocument>(filter),
        };
    }
}
