using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation;
using NextLevel.EmbeddedMongo.Engine;
using static NextLevel.EmbeddedMongo.Tests.Aggregation.PipelineTestKit;

namespace NextLevel.EmbeddedMongo.Tests.Aggregation;

public class OutputStageTests
{
    [Fact]
    public void Merge_string_form_uses_defaults()
    {
        var merge = Assert.IsType<MergeStage>(Parse("[{ $merge: 'target' }]").Output);
        Assert.Equal(("test", "target"), (merge.Database, merge.Collection));
        Assert.Equal(["_id"], merge.On);
        Assert.Equal(MergeWhenMatched.Merge, merge.WhenMatched);
        Assert.Equal(MergeWhenNotMatched.Insert, merge.WhenNotMatched);
    }

    [Fact]
    public void Merge_document_form_parses_options()
    {
        var merge = Assert.IsType<MergeStage>(Parse("[{ $merge: { into: { db: 'reports', coll: 'daily' }, on: ['day', 'agent'], whenMatched: 'replace', whenNotMatched: 'discard' } }]").Output);
        Assert.Equal(("reports", "daily"), (merge.Database, merge.Collection));
        Assert.Equal(["day", "agent"], merge.On);
        Assert.Equal(MergeWhenMatched.Replace, merge.WhenMatched);
        Assert.False(merge.ShouldInsertUnmatched());
    }

    [Fact]
    public void Merge_resolves_each_when_matched_mode()
    {
        var existing = BsonDocument.Parse("{ _id: 1, a: 1, b: 1 }");
        var incoming = BsonDocument.Parse("{ _id: 1, b: 2, c: 3 }");
        MergeStage Merge(string mode) => (MergeStage)Parse($"[{{ $merge: {{ into: 't', whenMatched: {mode} }} }}]").Output!;

        Assert.Equal(BsonDocument.Parse("{ _id: 1, a: 1, b: 2, c: 3 }"), Merge("'merge'").ResolveMatched(existing, incoming));
        Assert.Equal(incoming, Merge("'replace'").ResolveMatched(existing, incoming));
        Assert.Equal(existing, Merge("'keepExisting'").ResolveMatched(existing, incoming));
        Assert.Equal(11000, Assert.Throws<MongoError>(() => Merge("'fail'").ResolveMatched(existing, incoming)).Code);
        Assert.Equal(BsonDocument.Parse("{ _id: 1, a: 1, b: 3 }"),
            Merge("[{ $set: { b: { $add: ['$b', '$$new.b'] } } }, { $unset: 'c' }]").ResolveMatched(existing, incoming));
    }

    [Fact]
    public void Merge_pipeline_with_let_variables()
    {
        var merge = (MergeStage)Parse("[{ $merge: { into: 't', let: { extra: '$c' }, whenMatched: [{ $set: { d: '$$extra' } }] } }]").Output!;
        Assert.Equal(BsonDocument.Parse("{ _id: 1, a: 1, d: 3 }"), merge.ResolveMatched(BsonDocument.Parse("{ _id: 1, a: 1 }"), BsonDocument.Parse("{ _id: 1, c: 3 }")));
    }

    [Fact]
    public void Merge_replacement_keeps_the_existing_id()
    {
        var merge = (MergeStage)Parse("[{ $merge: { into: 't', on: 'k', whenMatched: 'replace' } }]").Output!;
        Assert.Equal(BsonDocument.Parse("{ _id: 9, k: 1, v: 2 }"), merge.ResolveMatched(BsonDocument.Parse("{ _id: 9, k: 1, v: 1 }"), BsonDocument.Parse("{ k: 1, v: 2 }")));
        Assert.Equal((int)ErrorCode.ImmutableField,
            Assert.Throws<MongoError>(() => merge.ResolveMatched(BsonDocument.Parse("{ _id: 9, k: 1 }"), BsonDocument.Parse("{ _id: 8, k: 1 }"))).Code);
    }

    [Fact]
    public void Merge_when_not_matched_fail_throws()
    {
        var merge = (MergeStage)Parse("[{ $merge: { into: 't', whenNotMatched: 'fail' } }]").Output!;
        Assert.Equal(13113, Assert.Throws<MongoError>(() => merge.ShouldInsertUnmatched()).Code);
    }

    [Fact]
    public void Merge_rejects_bad_options()
    {
        Assert.Equal(2, Assert.Throws<MongoError>(() => Parse("[{ $merge: { into: 't', whenMatched: 'nope' } }]")).Code);
        Assert.Equal((int)ErrorCode.InvalidOptions, Assert.Throws<MongoError>(() => Parse("[{ $merge: { into: 't', whenMatched: [{ $match: {} }] } }]")).Code);
        Assert.Equal(51199, Assert.Throws<MongoError>(() => Parse("[{ $merge: { into: 't', let: { a: 1 }, whenMatched: 'merge' } }]")).Code);
        Assert.Equal(40414, Assert.Throws<MongoError>(() => Parse("[{ $merge: { on: '_id' } }]")).Code);
    }
}
