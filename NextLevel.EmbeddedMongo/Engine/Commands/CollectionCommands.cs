using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Query;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Engine;

public sealed partial class MongoEngine
{
    /// <summary>create options that need storage features this server does not have.</summary>
    private static readonly string[] UnsupportedCreateOptions = ["capped", "timeseries", "viewOn", "pipeline", "clusteredIndex", "changeStreamPreAndPostImages", "encryptedFields"];

    /// <summary>create: a collection with optional validator, validationLevel and validationAction.</summary>
    [MongoCommand("create")]
    private async ValueTask<BsonDocument> CreateAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var collectionName = command.CollectionName(context.Database);
        foreach (var option in UnsupportedCreateOptions)
        {
            if (command.TryGetValue(option, out var value) && !value.IsBsonNull && !(value.IsBoolean && !value.AsBoolean))
                throw new MongoError(ErrorCode.NotImplemented, $"create with '{option}' is not supported by this server (capped collections, time series and views are not available)");
        }
        CommandArguments.RequireSimpleCollation(command.GetValue("collation", BsonNull.Value));
        var options = ValidationOptions(command, new CollectionOptions());

        await Storage.WriteAsync(writer =>
        {
            var existing = writer.Collection(context.Database, collectionName);
            if (existing is null)
            {
                writer.CreateCollection(context.Database, collectionName, options);
            }
            else if (!SameValidation(existing.Options, options))
            {
                throw new MongoError(ErrorCode.NamespaceExists, $"Collection {context.Database}.{collectionName} already exists.");
            }
            return true;
        }, cancellationToken);
        return new BsonDocument("ok", 1.0);
    }

    /// <summary>collMod: changes validation settings, or an index's expireAfterSeconds.</summary>
    [MongoCommand("collMod")]
    private async ValueTask<BsonDocument> CollModAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var collectionName = command.CollectionName(context.Database);
        var indexChange = command.OptionalDocument("index");
        foreach (var element in command.Skip(1))
        {
            if (element.Name is "validator" or "validationLevel" or "validationAction" or "index" or "comment" or "writeConcern" or "lsid" or "$db" or "$readPreference" or "$clusterTime" or "txnNumber")
                continue;
            throw new MongoError(ErrorCode.InvalidOptions, $"collMod option '{element.Name}' is not supported by this server");
        }

        var reply = await Storage.WriteAsync(writer =>
        {
            var collection = writer.Collection(context.Database, collectionName)
                ?? throw new MongoError(ErrorCode.NamespaceNotFound, $"ns does not exist: {context.Database}.{collectionName}");
            var result = new BsonDocument();
            var options = ValidationOptions(command, collection.Options);
            if (!SameValidation(options, collection.Options)) writer.SetCollectionOptions(collection, options);
            if (indexChange is not null) ChangeIndexExpiry(writer, collection, indexChange, result);
            result.Add("ok", 1.0);
            return result;
        }, cancellationToken);
        return reply;
    }

    /// <summary>drop: removes a collection. As on MongoDB 7.0, dropping a missing collection succeeds.</summary>
    [MongoCommand("drop")]
    private async ValueTask<BsonDocument> DropAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var collectionName = command.CollectionName(context.Database);
        var indexCount = await Storage.WriteAsync(writer =>
        {
            var collection = writer.Collection(context.Database, collectionName);
            if (collection is null) return (int?)null;
            var count = collection.Indexes.Count;
            writer.DropCollection(context.Database, collectionName);
            return count;
        }, cancellationToken);
        Cursors.DropNamespace(context.Database, collectionName);

        var reply = new BsonDocument();
        if (indexCount is not null)
        {
            reply.Add("nIndexesWas", indexCount.Value);
            reply.Add("ns", context.Database + "." + collectionName);
        }
        reply.Add("ok", 1.0);
        return reply;
    }

    /// <summary>renameCollection (admin): <c>{ renameCollection: "db.a", to: "db.b", dropTarget }</c>.</summary>
    [MongoCommand("renameCollection")]
    private async ValueTask<BsonDocument> RenameCollectionAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        if (context.Database != "admin")
            throw new MongoError(ErrorCode.Unauthorized, "renameCollection may only be run against the admin database.");
        var sourceName = command.GetElement(0).Value;
        if (!sourceName.IsString) throw CommandArguments.WrongType(command, "renameCollection", sourceName, "string");
        var targetName = command.OptionalString("to") ?? throw new MongoError(ErrorCode.Location40414, "BSON field 'renameCollection.to' is missing but a required field");
        var dropTarget = command.OptionalBool("dropTarget");
        var (sourceDatabase, sourceCollection) = Namespaces.Split(sourceName.AsString);
        var (targetDatabase, targetCollection) = Namespaces.Split(targetName);

        await Storage.WriteAsync(writer =>
        {
            if (writer.Collection(sourceDatabase, sourceCollection) is null)
                throw new MongoError(ErrorCode.NamespaceNotFound, $"Source collection {sourceName.AsString} does not exist");
            if (sourceName.AsString == targetName)
                throw new MongoError(ErrorCode.IllegalOperation, "Can't rename a collection to itself");
            if (!dropTarget && writer.Collection(targetDatabase, targetCollection) is not null)
                throw new MongoError(ErrorCode.NamespaceExists, "target namespace exists");
            writer.RenameCollection(sourceDatabase, sourceCollection, targetDatabase, targetCollection, dropTarget);
            return true;
        }, cancellationToken);
        Cursors.DropNamespace(sourceDatabase, sourceCollection);
        Cursors.DropNamespace(targetDatabase, targetCollection);
        return new BsonDocument("ok", 1.0);
    }

    /// <summary>validator/validationLevel/validationAction from a create or collMod command, over the current options.</summary>
    private CollectionOptions ValidationOptions(BsonDocument command, CollectionOptions current)
    {
        var validator = command.Contains("validator") ? command.OptionalDocument("validator") : current.Validator;
        if (validator is { ElementCount: > 0 })
        {
            // An invalid validator is refused when it is set, not on the next insert.
            Filter.Parse(validator, new FilterOptions { Now = Time.GetUtcNow().UtcDateTime });
        }
        var level = command.OptionalString("validationLevel") ?? current.ValidationLevel;
        if (level is not ("off" or "strict" or "moderate"))
            throw MongoError.BadValue($"Enumeration value '{level}' for field 'validationLevel' is not a valid value.");
        var action = command.OptionalString("validationAction") ?? current.ValidationAction;
        if (action is not ("error" or "warn"))
            throw MongoError.BadValue($"Enumeration value '{action}' for field 'validationAction' is not a valid value.");
        return new CollectionOptions
        {
            Validator = validator is { ElementCount: > 0 } ? validator : null,
            ValidationLevel = level,
            ValidationAction = action,
        };
    }

    private static bool SameValidation(CollectionOptions a, CollectionOptions b) =>
        a.ValidationLevel == b.ValidationLevel && a.ValidationAction == b.ValidationAction
        && (a.Validator is null ? b.Validator is null : b.Validator is not null && Bson.BsonValueComparer.Instance.Equals(a.Validator, b.Validator));

    /// <summary>collMod's <c>index: { name | keyPattern, expireAfterSeconds }</c>: the TTL of an existing TTL index.</summary>
    private static void ChangeIndexExpiry(StorageWriter writer, CollectionStore collection, BsonDocument change, BsonDocument result)
    {
        var target = change.TryGetValue("name", out var name) ? name : change.GetValue("keyPattern", BsonNull.Value);
        if (target.IsBsonNull) throw MongoError.BadValue("collMod index change must specify 'name' or 'keyPattern'");
        var index = (target.IsString ? collection.FindIndex(target.AsString) : target.IsBsonDocument ? collection.FindIndexByKeyPattern(target.AsBsonDocument) : null)?.Definition
            ?? throw new MongoError(ErrorCode.IndexNotFound, $"cannot find index {target} for ns {collection.Database}.{collection.Name}");
        if (!change.TryGetValue("expireAfterSeconds", out var expiry)) return;
        if (!expiry.IsNumeric || expiry.ToDouble() < 0)
            throw MongoError.BadValue("expireAfterSeconds must be a number >= 0");
        if (index.ExpireAfterSeconds is null)
            throw new MongoError(ErrorCode.InvalidOptions, "no expireAfterSeconds field to update");

        var spec = index.ToListIndexesDocument();
        spec["expireAfterSeconds"] = expiry.ToInt32();
        result.Add("expireAfterSeconds_old", index.ExpireAfterSeconds.Value);
        result.Add("expireAfterSeconds_new", expiry.ToInt32());
        // An index's options are fixed once built, so the TTL change rebuilds the index with the new option.
        writer.DropIndex(collection, index.Name);
        writer.CreateIndex(collection, IndexDefinition.FromSpec(spec));
    }
}
