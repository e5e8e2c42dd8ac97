using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Update;
using static NextLevel.EmbeddedMongo.Tests.Update.UpdateAssert;

namespace NextLevel.EmbeddedMongo.Tests.Update;

public class MinMaxAndCurrentDateTests
{
    [Fact]
    public void Min_replaces_a_larger_value() => Yields("{_id: 1, a: 5}", "{$min: {a: 3}}", "{_id: 1, a: 3}");

    [Fact]
    public void Min_keeps_a_smaller_value() => IsNoOp("{_id: 1, a: 5}", "{$min: {a: 7}}");

    [Fact]
    public void Min_of_an_equal_value_of_another_type_is_a_no_op() => IsNoOp("{_id: 1, a: 5}", "{$min: {a: 5.0}}");

    [Fact]
    public void Max_replaces_a_smaller_value() => Yields("{_id: 1, a: 5}", "{$max: {a: 9}}", "{_id: 1, a: 9}");

    [Fact]
    public void Max_compares_across_types_in_bson_order() =>
        Yields("{_id: 1, a: 5}", "{$max: {a: 'text'}}", "{_id: 1, a: 'text'}");

    [Fact]
    public void Min_and_max_create_a_missing_field()
    {
        Yields("{_id: 1}", "{$min: {a: 1}}", "{_id: 1, a: 1}");
        Yields("{_id: 1}", "{$max: {a: 1}}", "{_id: 1, a: 1}");
    }

    [Fact]
    public void CurrentDate_true_sets_the_context_time_as_a_date()
    {
        var outcome = Apply("{_id: 1}", "{$currentDate: {a: true}}");
        Assert.Equal(new BsonDateTime(Now), outcome.Document["a"]);
    }

    [Fact]
    public void CurrentDate_type_date_sets_a_date()
    {
        var outcome = Apply("{_id: 1, a: 1}", "{$currentDate: {a: {$type: 'date'}}}");
        Assert.Equal(BsonType.DateTime, outcome.Document["a"].BsonType);
    }

    [Fact]
    public void CurrentDate_type_timestamp_sets_a_timestamp()
    {
        var outcome = Apply("{_id: 1}", "{$currentDate: {'a.b': {$type: 'timestamp'}}}");
        var timestamp = outcome.Document["a"]["b"].AsBsonTimestamp;
        Assert.Equal(new DateTimeOffset(Now).ToUnixTimeSeconds(), timestamp.Timestamp);
    }

    [Fact]
    public void CurrentDate_rejects_an_unknown_type()
    {
        var error = FailsToParse("{$currentDate: {a: {$type: 'int'}}}");
        Assert.Equal(2, error.Code);
    }

    [Fact]
    public void CurrentDate_rejects_an_unknown_option()
    {
        var error = FailsToParse("{$currentDate: {a: {foo: 1}}}");
        HasError(error, 2, "Unrecognized $currentDate option: foo");
    }

    [Fact]
    public void CurrentDate_rejects_a_number()
    {
        var error = FailsToParse("{$currentDate: {a: 1}}");
        Assert.Equal(2, error.Code);
    }

    [Fact]
    public void CurrentDate_uses_the_apply_context_clock()
    {
        var spec = UpdateSpec.Parse(BsonDocument.Parse("{$currentDate: {a: true}}"));
        var later = Now.AddHours(1);
        var outcome = spec.Apply(BsonDocument.Parse("{_id: 1}"), new UpdateApplyContext { Now = later });
        Assert.Equal(new BsonDateTime(later), outcome.Document["a"]);
    }
}
