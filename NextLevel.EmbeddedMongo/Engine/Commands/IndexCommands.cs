using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Engine;

public sealed partial class MongoEngine
{
    /// <summary>
    /// createIndexes: builds each index over the existing documents (creating the collection when needed);
    /// an identical existing index is not an error. Replies <c>{ numIndexesBefore, numIndexesAfter, createdCollectionAutomatically }</c>.
    /// </summary>
    [MongoCommand("createIndexes")]
    private async ValueTask<BsonDocument> CreateIndexesAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var collectionName = command.CollectionName(context.Database);
        var specs = command.RequiredArray("indexes");
        if (specs.Count == 0) throw MongoError.BadValue("Must specify at least one index to create");
        // Every spec is parsed before anything is built, so a bad spec creates nothing.
        var definitions = specs.Select(spec => spec.IsBsonDocument
            ? IndexDefinition.FromSpec(spec.AsBsonDocument)
            : throw CommandArguments.WrongType(command, "indexes", spec, "object")).ToList();

        return await Storage.WriteAsync(writer =>
        {
            var existing = writer.Collection(context.Database, collectionName);
            var collection = existing ?? writer.GetOrCreateCollection(context.Database, collectionName);
            var before = collection.Indexes.Count;
            foreach (var definition in definitions) writer.CreateIndex(collection, definition);
            var after = collection.Indexes.Count;

            var reply = new BsonDocument
            {
                { "numIndexesBefore", before },
                { "numIndexesAfter", after },
                { "createdCollectionAutomatically", existing is null },
            };
            if (before == after) reply.Add("note", "all indexes already exist");
            reply.Add("ok", 1.0);
            return reply;
        }, cancellationToken);
    }

    /// <summary>listIndexes: the collection's index specifications as a cursor.</summary>
    [MongoCommand("listIndexes")]
    private ValueTask<BsonDocument> ListIndexesAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var collectionName = command.CollectionName(context.Database);
        var batchSize = command.OptionalDocument("cursor")?.OptionalLong("batchSize");
        var indexes = Storage.Read(reader =>
            reader.Collection(context.Database, collectionName)?.Indexes.Select(i => i.Definition.ToListIndexesDocument()).ToList())
            ?? throw new MongoError(ErrorCode.NamespaceNotFound, $"ns does not exist: {context.Database}.{collectionName}");

        var (batch, cursorId) = Cursors.Open(context.Database, collectionName, context, SessionIdOf(command), indexes,
            batchSize is null ? int.MaxValue : (int)Math.Min(batchSize.Value, int.MaxValue), singleBatch: false);
        return ValueTask.FromResult(CursorReply(context.Database, collectionName, "firstBatch", batch, cursorId));
    }

    /// <summary>dropIndexes: <c>index</c> is "*" (all but _id_), a name, a key pattern, or an array of names.</summary>
    [MongoCommand("dropIndexes", "deleteIndexes")]
    private async ValueTask<BsonDocument> DropIndexesAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var collectionName = command.CollectionName(context.Database);
        if (!command.TryGetValue("index", out var target))
            throw new MongoError(ErrorCode.Location40414, "BSON field 'dropIndexes.index' is missing but a required field");

        var indexesWas = await Storage.WriteAsync(writer =>
        {
            var collection = writer.Collection(context.Database, collectionName)
                ?? throw new MongoError(ErrorCode.NamespaceNotFound, $"ns not found {context.Database}.{collectionName}");
            var count = collection.Indexes.Count;
            foreach (var name in IndexNamesToDrop(collection, target)) writer.DropIndex(collection, name);
            return count;
        }, cancellationToken);
        return new BsonDocument { { "nIndexesWas", indexesWas }, { "ok", 1.0 } };
    }

    /// <summary>Resolves dropIndexes' target to index names; all of them must exist before any is dropped.</summary>
    private static List<string> IndexNamesToDrop(CollectionStore collection, BsonValue target)
    {
        if (target.IsString && target.AsString == "*")
            return [.. collection.Indexes.Select(i => i.Definition.Name).Where(n => n != IndexDefinition.IdIndexName)];

        var requested = target switch
        {
            BsonString name => [name],
            BsonDocument => [target],
            BsonArray list => list.Select(n => n.IsString ? n : throw MongoError.TypeMismatch("dropIndexes names must be strings")).ToList(),
            _ => throw MongoError.TypeMismatch($"BSON field 'dropIndexes.index' is the wrong type '{CommandArguments.TypeName(target)}', expected types '[string, object, array]'"),
        };
        var names = new List<string>();
        foreach (var item in requested)
        {
            if (item.IsString && item.AsString == IndexDefinition.IdIndexName)
                throw new MongoError(ErrorCode.InvalidOptions, "cannot drop _id index");
            var index = (item.IsString ? collection.FindIndex(item.AsString) : collection.FindIndexByKeyPattern(item.AsBsonDocument))
                ?? throw new MongoError(ErrorCode.IndexNotFound, item.IsString ? $"index not found with name [{item.AsString}]" : $"can't find index with key: {item}");
            if (index.Definition.IsIdIndex) throw new MongoError(ErrorCode.InvalidOptions, "cannot drop _id index");
            names.Add(index.Definition.Name);
        }
        return names;
    }
}
