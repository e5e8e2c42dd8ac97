using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.EmbeddedMongo.Conformance.Entities;

namespace NextLevel.EmbeddedMongo.Conformance.Operations;

/// <summary>Operations on a client entity.</summary>
public static class ClientOperations
{
    public static async Task<OperationResult> ListDatabases(ClientEntity client, OperationArguments arguments, OperationContext context)
    {
        var filter = arguments.OptionalDocument("filter");
        var options = new ListDatabasesOptions
        {
            Filter = filter is null ? null : new BsonDocumentFilterDefinition<BsonDocument>(filter),
            NameOnly = arguments.OptionalBool("nameOnly"),
            AuthorizedDatabases = arguments.OptionalBool("authorizedDatabases"),
        };
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        var databases = await DriverCall.Run(async () =>
        {
            using var cursor = session is null
                ? await client.Client.ListDatabasesAsync(options, context.CancellationToken)
                : await client.Client.ListDatabasesAsync(session, options, context.CancellationToken);
            return await cursor.ToListAsync(context.CancellationToken);
        });
        return OperationResult.Documents(databases);
    }

    public static async Task<OperationResult> ListDatabaseNames(ClientEntity client, OperationArguments arguments, OperationContext context)
    {
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        var names = await DriverCall.Run(async () =>
        {
            using var cursor = session is null
                ? await client.Client.ListDatabaseNamesAsync(context.CancellationToken)
                : await client.Client.ListDatabaseNamesAsync(session, context.CancellationToken);
            return await cursor.ToListAsync(context.CancellationToken);
        });
        return OperationResult.Plain(new BsonArray(names));
    }
}
