using MongoDB.Bson;
using static NextLevel.EmbeddedMongo.Tests.Aggregation.PipelineTestKit;

namespace NextLevel.EmbeddedMongo.Tests.Aggregation;

/// <summary>The pipelines the back-office seed runs, verbatim.</summary>
public class SeedPipelineTests
{
    private const string Campaign = "65a1b2c3d4e5f60718293a4b";

    [Fact]
    public void Calls_outcome_report_groups_averages_and_sorts_by_count()
    {
        var calls = new[]
        {
            $"{{ _id: 1, campaignId: ObjectId('{Campaign}'), initiatedAt: ISODate('2025-10-02T10:00:00Z'), outcome: 'booked', duration: 120, sentiment: {{ overall: 0.8 }}, cost: {{ totalCost: NumberDecimal('1.20') }} }}",
            $"{{ _id: 2, campaignId: ObjectId('{Campaign}'), initiatedAt: ISODate('2025-10-03T10:00:00Z'), outcome: 'no-answer', duration: 0, sentiment: {{ overall: 0.0 }}, cost: {{ totalCost: NumberDecimal('0.10') }} }}",
            $"{{ _id: 3, campaignId: ObjectId('{Campaign}'), initiatedAt: ISODate('2025-10-04T10:00:00Z'), outcome: 'booked', duration: 60, sentiment: {{ overall: 0.6 }}, cost: {{ totalCost: NumberDecimal('0.80') }} }}",
            $"{{ _id: 4, campaignId: ObjectId('{Campaign}'), initiatedAt: ISODate('2025-09-30T23:59:59Z'), outcome: 'booked', duration: 999, sentiment: {{ overall: 0.1 }}, cost: {{ totalCost: NumberDecimal('9.99') }} }}",
            "{ _id: 5, campaignId: ObjectId('65a1b2c3d4e5f60718293a4c'), initiatedAt: ISODate('2025-10-05T10:00:00Z'), outcome: 'booked', duration: 1, sentiment: { overall: 1.0 }, cost: { totalCost: NumberDecimal('5') } }",
            $"{{ _id: 6, campaignId: ObjectId('{Campaign}'), initiatedAt: ISODate('2025-10-06T10:00:00Z'), outcome: 'booked', duration: 30 }}",
        };
        var pipeline = $$"""
            [ { $match: { campaignId: ObjectId('{{Campaign}}'), initiatedAt: { $gte: ISODate("2025-10-01") } } },
              { $group: { _id: "$outcome", count: { $sum: 1 }, avgDuration: { $avg: "$duration" }, avgSentiment: { $avg: "$sentiment.overall" }, totalCost: { $sum: "$cost.totalCost" } } },
              { $sort: { count: -1 } } ]
            """;

        var results = Run(pipeline, calls);

        Equal(
        [
            "{ _id: 'booked', count: 3, avgDuration: 70.0, avgSentiment: 0.7, totalCost: NumberDecimal('2.00') }",
            "{ _id: 'no-answer', count: 1, avgDuration: 0.0, avgSentiment: 0.0, totalCost: NumberDecimal('0.10') }",
        ], results.Select(r => Round(r, "avgSentiment")));
    }

    [Fact]
    public void Leads_status_report_projects_rounded_average()
    {
        var leads = new[]
        {
            "{ _id: 1, receivedAt: ISODate('2025-10-10T00:00:00Z'), status: 'new', qualification: { score: 71 } }",
            "{ _id: 2, receivedAt: ISODate('2025-10-11T00:00:00Z'), status: 'new', qualification: { score: 80 } }",
            "{ _id: 3, receivedAt: ISODate('2025-10-12T00:00:00Z'), status: 'new', qualification: { score: 90 } }",
            "{ _id: 4, receivedAt: ISODate('2025-10-12T00:00:00Z'), status: 'qualified' }",
            "{ _id: 5, receivedAt: ISODate('2024-01-01T00:00:00Z'), status: 'lost', qualification: { score: 10 } }",
        };
        const string pipeline = """
            [ { $match: { receivedAt: { $gte: ISODate("2025-10-01T00:00:00Z") } } },
              { $group: { _id: "$status", count: { $sum: 1 }, avgScore: { $avg: "$qualification.score" } } },
              { $project: { status: "$_id", count: 1, avgScore: { $round: ["$avgScore", 2] }, _id: 0 } } ]
            """;

        var results = Run(pipeline, leads);

        Equal(
        [
            "{ count: 3, status: 'new', avgScore: 80.33 }",
            "{ count: 1, status: 'qualified', avgScore: null }",
        ], results);
    }

    [Fact]
    public void Transcript_archival_parses_out_stage_and_streams_matches()
    {
        const string pipeline = """
            [ { $match: { createdAt: { $lt: ISODate("2025-01-01T00:00:00Z") } } }, { $out: "call_transcripts_archive_2024" } ]
            """;
        var parsed = Parse(pipeline);

        var output = Assert.IsType<NextLevel.EmbeddedMongo.Aggregation.OutStage>(parsed.Output);
        Assert.Equal("test", output.Database);
        Assert.Equal("call_transcripts_archive_2024", output.Collection);
        var written = parsed.Execute(new[]
        {
            "{ _id: 1, createdAt: ISODate('2024-06-01T00:00:00Z') }",
            "{ _id: 2, createdAt: ISODate('2025-06-01T00:00:00Z') }",
        }.Select(BsonDocument.Parse)).ToList();
        Equal(["{ _id: 1, createdAt: ISODate('2024-06-01T00:00:00Z') }"], written);
    }

    private static BsonDocument Round(BsonDocument document, string field)
    {
        var copy = document.DeepClone().AsBsonDocument;
        copy[field] = Math.Round(copy[field].AsDouble, 10);
        return copy;
    }
}
