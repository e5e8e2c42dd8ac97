using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Conformance.Execution;

/// <summary>
/// Sets up a test's collections from initialData through the internal client: drop, create (with createOptions),
/// insert the documents, all with majority write concern.
/// </summary>
public static class InitialDataLoader
{
    public static async Task LoadAsync(IMongoClient internalClient, BsonArray initialData, CancellationToken cancellationToken)
    {
        foreach (var item in initialData)
        {
            var data = item.AsBsonDocument;
            var collectionName = data["collectionName"].AsString;
            var database = internalClient.GetDatabase(data["databaseName"].AsString)
                .WithWriteConcern(WriteConcern.WMajority);

            await database.DropCollectionAsync(collectionName, cancellationToken);

            var create = new BsonDocument("create", collectionName);
            if (data.GetValue("createOptions", BsonNull.Value) is BsonDocument createOptions) create.AddRange(createOptions);
            create["writeConcern"] = new BsonDocument("w", "majority");
            await database.RunCommandAsync<BsonDocument>(create, cancellationToken: cancellationToken);

            var documents = data["documents"].AsBsonArray.Select(d => d.AsBsonDocument.DeepClone().AsBsonDocument).ToList();
            if (documents.Count > 0)
                await database.GetCollection<BsonDocument>(collectionName).InsertManyAsync(documents, cancellationToken: cancellationToken);
        }
    }
}
