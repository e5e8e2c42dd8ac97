using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Engine.Queries;

/// <summary>
/// The pipeline drivers send for countDocuments, <c>[{ $match: filter }, { $group: { _id: constant, n: { $sum: 1 } } }]</c>,
/// recognised so that it can be answered like the count command (from the collection's count or an index's keys).
/// </summary>
internal sealed record CountPipeline(BsonDocument Filter, BsonValue GroupId, string CountField)
{
    public static CountPipeline? TryParse(BsonArray stages)
    {
        if (stages.Count != 2 || stages[0] is not BsonDocument { ElementCount: 1 } match || stages[1] is not BsonDocument { ElementCount: 1 } group) return null;
        if (match.GetElement(0) is not { Name: "$match", Value: BsonDocument filter }) return null;
        if (group.GetElement(0) is not { Name: "$group", Value: BsonDocument { ElementCount: 2 } spec }) return null;
        if (spec.GetElement(0) is not { Name: "_id", Value: var id } || !IsConstant(id)) return null;
        var counter = spec.GetElement(1);
        if (counter.Value is not BsonDocument { ElementCount: 1 } accumulator || accumulator.GetElement(0) is not { Name: "$sum", Value: BsonInt32 { Value: 1 } })
            return null;
        return new CountPipeline(filter, id, counter.Name);
    }

    /// <summary>The stage's output: one document, or none when nothing matched (as $group gives on empty input).</summary>
    public BsonArray Result(long count) =>
        count == 0 ? [] : [new BsonDocument { { "_id", GroupId }, { CountField, count > int.MaxValue ? count : (BsonValue)(int)count } }];

    // A field path ("$status") or an expression object groups by value; a literal groups everything into one.
    private static bool IsConstant(BsonValue id) =>
        id is not BsonDocument and not BsonArray && !(id is BsonString text && text.Value.StartsWith('$'));
}
