using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.EmbeddedMongo.Conformance.Entities;
using NextLevel.EmbeddedMongo.Conformance.Execution;

namespace NextLevel.EmbeddedMongo.Tests.Conformance;

public class DriverSettingsParserTests
{
    [Fact]
    public void Write_concern_w0_is_unacknowledged()
        => Assert.False(DriverSettingsParser.ParseWriteConcern(BsonDocument.Parse("{ w: 0 }")).IsAcknowledged);

    [Fact]
    public void Write_concern_majority_with_journal_and_timeout()
    {
        var writeConcern = DriverSettingsParser.ParseWriteConcern(BsonDocument.Parse("{ w: 'majority', j: true, wtimeoutMS: 500 }"));
        Assert.Equal(WriteConcern.WValue.Parse("majority"), writeConcern.W);
        Assert.True(writeConcern.Journal);
        Assert.Equal(TimeSpan.FromMilliseconds(500), writeConcern.WTimeout);
    }

    [Theory]
    [InlineData("local", ReadConcernLevel.Local)]
    [InlineData("majority", ReadConcernLevel.Majority)]
    [InlineData("available", ReadConcernLevel.Available)]
    [InlineData("linearizable", ReadConcernLevel.Linearizable)]
    public void Read_concern_levels(string level, ReadConcernLevel expected)
        => Assert.Equal(expected, DriverSettingsParser.ParseReadConcern(new BsonDocument("level", level)).Level);

    [Fact]
    public void Read_preference_mode_is_case_insensitive()
        => Assert.Equal(ReadPreferenceMode.SecondaryPreferred, DriverSettingsParser.ParseReadPreference(BsonDocument.Parse("{ mode: 'secondaryPreferred' }")).ReadPreferenceMode);

    [Fact]
    public void Unknown_options_are_runner_gaps()
        => Assert.Throws<UnsupportedByRunnerException>(() => DriverSettingsParser.ParseWriteConcern(BsonDocument.Parse("{ fsync: true }")));
}
