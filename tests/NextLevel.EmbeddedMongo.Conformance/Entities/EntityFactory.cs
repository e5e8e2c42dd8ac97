using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.Core.Events;
using NextLevel.EmbeddedMongo.Conformance.Execution;

namespace NextLevel.EmbeddedMongo.Conformance.Entities;

/// <summary>
/// Creates the entities of createEntities. Clients record the command events named by observeEvents only when the
/// runner checks expectEvents; otherwise those options are accepted and have no effect.
/// </summary>
public sealed class EntityFactory(string connectionString, bool recordEvents)
{
    private static readonly HashSet<string> AcceptedClientOptions = new(StringComparer.Ordinal)
    {
        "id", "uriOptions", "useMultipleMongoses", "observeEvents", "ignoreCommandMonitoringEvents", "observeSensitiveCommands",
    };

    public void CreateAll(BsonArray definitions, EntityMap entities)
    {
        foreach (var definition in definitions) Create(definition.AsBsonDocument, entities);
    }

    public void Create(BsonDocument definition, EntityMap entities)
    {
        if (definition.ElementCount != 1) throw new InvalidOperationException("an entity definition has exactly one key");
        var kind = definition.GetElement(0).Name;
        var spec = definition[0].AsBsonDocument;
        var id = spec["id"].AsString;
        object entity = kind switch
        {
            "client" => CreateClient(spec),
            "database" => CreateDatabase(spec, entities),
            "collection" => CreateCollection(spec, entities),
            "session" => CreateSession(spec, entities),
            _ => throw new UnsupportedByRunnerException($"entity type '{kind}'"),
        };
        entities.Add(id, entity);
    }

    private ClientEntity CreateClient(BsonDocument spec)
    {
        foreach (var option in spec.Names)
        {
            if (!AcceptedClientOptions.Contains(option)) throw new UnsupportedByRunnerException($"client option '{option}'");
        }
        var uri = ConnectionStrings.WithOptions(connectionString, spec.GetValue("uriOptions", BsonNull.Value) as BsonDocument);
        var settings = MongoClientSettings.FromConnectionString(uri);
        CommandEventRecorder? recorder = null;
        if (recordEvents && spec.GetValue("observeEvents", BsonNull.Value) is BsonArray observed)
        {
            if (spec.GetValue("observeSensitiveCommands", false).ToBoolean()) throw new UnsupportedByRunnerException("client option 'observeSensitiveCommands'");
            var ignored = spec.GetValue("ignoreCommandMonitoringEvents", new BsonArray()).AsBsonArray.Select(c => c.AsString);
            var events = new CommandEventRecorder(observed.Select(o => o.AsString), ignored);
            settings.ClusterConfigurator = cluster => cluster
                .Subscribe<CommandStartedEvent>(events.Started)
                .Subscribe<CommandSucceededEvent>(events.Succeeded)
                .Subscribe<CommandFailedEvent>(events.Failed);
            recorder = events;
        }
        return new ClientEntity(new MongoClient(settings), recorder);
    }

    private static IMongoDatabase CreateDatabase(BsonDocument spec, EntityMap entities)
    {
        var client = entities.Get<ClientEntity>(spec["client"].AsString).Client;
        var settings = new MongoDatabaseSettings();
        if (spec.GetValue("databaseOptions", BsonNull.Value) is BsonDocument options)
        {
            foreach (var option in options)
            {
                switch (option.Name)
                {
                    case "readConcern": settings.ReadConcern = DriverSettingsParser.ParseReadConcern(option.Value.AsBsonDocument); break;
                    case "writeConcern": settings.WriteConcern = DriverSettingsParser.ParseWriteConcern(option.Value.AsBsonDocument); break;
                    case "readPreference": settings.ReadPreference = DriverSettingsParser.ParseReadPreference(option.Value.AsBsonDocument); break;
                    default: throw new UnsupportedByRunnerException($"databaseOptions '{option.Name}'");
                }
            }
        }
        return client.GetDatabase(spec["databaseName"].AsString, settings);
    }

    private static IMongoCollection<BsonDocument> CreateCollection(BsonDocument spec, EntityMap entities)
    {
        var database = entities.Get<IMongoDatabase>(spec["database"].AsString);
        var settings = new MongoCollectionSettings();
        if (spec.GetValue("collectionOptions", BsonNull.Value) is BsonDocument options)
        {
            foreach (var option in options)
            {
                switch (option.Name)
                {
                    case "readConcern": settings.ReadConcern = DriverSettingsParser.ParseReadConcern(option.Value.AsBsonDocument); break;
                    case "writeConcern": settings.WriteConcern = DriverSettingsParser.ParseWriteConcern(option.Value.AsBsonDocument); break;
                    case "readPreference": settings.ReadPreference = DriverSettingsParser.ParseReadPreference(option.Value.AsBsonDocument); break;
                    default: throw new UnsupportedByRunnerException($"collectionOptions '{option.Name}'");
                }
            }
        }
        return database.GetCollection<BsonDocument>(spec["collectionName"].AsString, settings);
    }

    private static IClientSessionHandle CreateSession(BsonDocument spec, EntityMap entities)
    {
        var client = entities.Get<ClientEntity>(spec["client"].AsString).Client;
        var options = new ClientSessionOptions();
        if (spec.GetValue("sessionOptions", BsonNull.Value) is BsonDocument sessionOptions)
        {
            foreach (var option in sessionOptions)
            {
                switch (option.Name)
                {
                    case "causalConsistency": options.CausalConsistency = option.Value.ToBoolean(); break;
                    case "snapshot": options.Snapshot = option.Value.ToBoolean(); break;
                    default: throw new UnsupportedByRunnerException($"sessionOptions '{option.Name}'");
                }
            }
        }
        return client.StartSession(options);
    }
}
