using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Persistence.Catalogue;

namespace NextLevel.Domain.Tests.Integration;

public class CatalogueMigratorTests(EmbeddedMongoFixture mongo) : IClassFixture<EmbeddedMongoFixture>
{
    [Fact]
    public async Task Empty_database_gets_all_twelve_collections_with_exactly_the_catalogue_indexes()
    {
        var database = mongo.NewDatabase();

        var report = await new CatalogueMigrator(database).ApplyAsync();

        Assert.Equal(12, report.CreatedCollections.Count);
        var names = await (await database.ListCollectionNamesAsync()).ToListAsync();
        Assert.Equal(CollectionCatalogue.All.Select(c => c.Name).Order(), names.Order());
        foreach (var definition in CollectionCatalogue.All)
        {
            var listed = await (await database.GetCollection<BsonDocument>(definition.Name).Indexes.ListAsync()).ToListAsync();
            Assert.Equal(definition.Indexes.Select(i => i.Name).Append("_id_").Order(), listed.Select(i => i["name"].AsString).Order());
            foreach (var spec in definition.Indexes)
            {
                var index = listed.Single(i => i["name"].AsString == spec.Name);
                Assert.True(spec.Matches(index), $"{definition.Name}.{spec.Name} listed as {index}");
            }
        }
    }

    [Fact]
    public async Task Applying_twice_changes_nothing()
    {
        var database = mongo.NewDatabase();
        await new CatalogueMigrator(database).ApplyAsync();

        var second = await new CatalogueMigrator(database).ApplyAsync();

        Assert.True(second.IsNoOp, string.Join(", ", second.CreatedIndexes.Concat(second.ReplacedIndexes).Concat(second.UpdatedValidators)));
    }

    [Fact]
    public async Task A_changed_index_definition_is_replaced_without_manual_steps()
    {
        var database = mongo.NewDatabase();
        await new CatalogueMigrator(database).ApplyAsync();
        var calls = database.GetCollection<BsonDocument>("calls");
        await calls.Indexes.DropOneAsync("callSid_1");
        await calls.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(new BsonDocument("callSid", 1), new CreateIndexOptions { Name = "callSid_1" }));

        var report = await new CatalogueMigrator(database).ApplyAsync();

        Assert.Contains("calls.callSid_1", report.ReplacedIndexes);
        var listed = await (await calls.Indexes.ListAsync()).ToListAsync();
        Assert.True(listed.Single(i => i["name"] == "callSid_1")["unique"].AsBoolean);
    }

    [Fact]
    public async Task A_missing_validator_is_restored()
    {
        var database = mongo.NewDatabase();
        await new CatalogueMigrator(database).ApplyAsync();
        await database.RunCommandAsync<BsonDocument>(new BsonDocument { { "collMod", "leads" }, { "validator", new BsonDocument() } });

        var report = await new CatalogueMigrator(database).ApplyAsync();

        Assert.Equal(["leads"], report.UpdatedValidators);
    }
}
