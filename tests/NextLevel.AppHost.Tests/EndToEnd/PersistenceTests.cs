using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.AppHost.Tests.Harness;

namespace NextLevel.AppHost.Tests.EndToEnd;

public sealed class PersistenceTests
{
    [Fact]
    public async Task Data_written_before_a_restart_of_the_AppHost_is_there_after_it()
    {
        var dataDirectory = DistributedApplicationTestingBuilder.CreateTemporaryDataDirectory();
        try
        {
            var marker = ObjectId.GenerateNewId();
            await using (var first = await DistributedApplicationTestingBuilder.StartAsync<Projects.NextLevel_AppHost>(dataDirectory))
            {
                var mongodb = await first.WaitForResourceHealthyAsync("mongodb");
                using var client = new MongoClient(mongodb.Endpoints[0]);
                await Collection(client, mongodb).InsertOneAsync(new BsonDocument { ["_id"] = marker, ["note"] = "written before the restart" });
            }

            await using var second = await DistributedApplicationTestingBuilder.StartAsync<Projects.NextLevel_AppHost>(dataDirectory);
            var restarted = await second.WaitForResourceHealthyAsync("mongodb");
            using var restartedClient = new MongoClient(restarted.Endpoints[0]);
            var found = await Collection(restartedClient, restarted).Find(new BsonDocument("_id", marker)).SingleOrDefaultAsync();

            Assert.NotNull(found);
            Assert.Equal("written before the restart", found["note"].AsString);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static IMongoCollection<BsonDocument> Collection(MongoClient client, ResourceInfo mongodb) =>
        client.GetDatabase(MongoUrl.Create(mongodb.Endpoints[0]).DatabaseName).GetCollection<BsonDocument>("platform_persistence_test");
}
