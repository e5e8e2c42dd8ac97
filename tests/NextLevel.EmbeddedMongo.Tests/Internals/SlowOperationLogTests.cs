using System.Diagnostics;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Tests.Internals;

/// <summary>The slow-query log names the command, namespace and shape of a slow command, and never its values.</summary>
public sealed class SlowOperationLogTests
{
    private static readonly long LongAgo = Stopwatch.GetTimestamp() - Stopwatch.Frequency;

    [Fact]
    public void A_slow_find_is_logged_with_its_shape_and_without_its_values()
    {
        var lines = new List<string>();
        var log = new SlowOperationLog(TimeSpan.FromMilliseconds(100), lines.Add);

        log.Record(BsonDocument.Parse("""
            { find: 'leads', filter: { 'contact.phone': '+15551234567', status: { $in: ['new', 'qualified'] }, email: 'ann@example.com' },
              sort: { receivedAt: -1 }, limit: 25, $db: 'next_level_real_estate' }
            """), LongAgo);

        var line = Assert.Single(lines);
        Assert.StartsWith("Slow query: find next_level_real_estate.leads ", line);
        Assert.Contains("filter: {contact.phone: ?, status: {$in: ?}, email: ?}", line);
        Assert.Contains("sort: {receivedAt: -1}", line);
        Assert.DoesNotContain("5551234567", line);
        Assert.DoesNotContain("ann@", line);
        Assert.DoesNotContain("qualified", line);
    }

    [Fact]
    public void A_pipeline_keeps_its_field_paths()
    {
        var lines = new List<string>();
        var log = new SlowOperationLog(TimeSpan.FromMilliseconds(100), lines.Add);

        log.Record(BsonDocument.Parse("""
            { aggregate: 'calls', pipeline: [{ $match: { leadId: 'x' } }, { $group: { _id: '$outcome', cost: { $sum: '$cost.totalCost' } } }], cursor: {}, $db: 'db' }
            """), LongAgo);

        Assert.Contains("pipeline: [{$match: {leadId: ?}}, {$group: {_id: \"$outcome\", cost: {$sum: \"$cost.totalCost\"}}}]", Assert.Single(lines));
    }

    [Fact]
    public void Fast_commands_and_awaitable_hellos_are_not_logged()
    {
        var lines = new List<string>();
        var log = new SlowOperationLog(TimeSpan.FromMilliseconds(100), lines.Add);

        log.Record(BsonDocument.Parse("{ find: 'leads', filter: {}, $db: 'db' }"), Stopwatch.GetTimestamp());
        log.Record(BsonDocument.Parse("{ hello: 1, topologyVersion: { counter: 0 }, maxAwaitTimeMS: 10000, $db: 'admin' }"), LongAgo);
        log.Record(BsonDocument.Parse("{ getMore: NumberLong(42), collection: 'leads', maxTimeMS: 1000, $db: 'db' }"), LongAgo);

        Assert.Empty(lines);
    }

    [Fact]
    public void A_slow_getMore_names_its_collection()
    {
        var lines = new List<string>();
        var log = new SlowOperationLog(TimeSpan.FromMilliseconds(100), lines.Add);

        log.Record(BsonDocument.Parse("{ getMore: NumberLong(42), collection: 'leads', batchSize: 100, $db: 'db' }"), LongAgo);

        Assert.StartsWith("Slow query: getMore db.leads ", Assert.Single(lines));
    }
}
