using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Accumulators;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>$sortByCount: groups by an expression, counts, and sorts by count descending.</summary>
internal sealed class SortByCountStage(GroupStage group, Stage sort) : Stage
{
    public override string Name => "$sortByCount";

    public static Stage Parse(BsonValue spec)
    {
        var valid = spec is BsonString { Value: ['$', ..] } || (spec is BsonDocument d && d.ElementCount == 1 && d.GetElement(0).Name.StartsWith('$'));
        if (!valid)
            throw MongoError.Location(40148, "the sortByCount field must be defined as a $-prefixed path or an expression");
        var group = new GroupStage(Expr.Parse(spec), [AccumulatorTable.Parse("count", new BsonDocument("$sum", 1))]);
        return new SortByCountStage(group, SortStage.Parse(new BsonDocument("count", -1)));
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime) =>
        sort.Execute(group.Execute(input, runtime), runtime);
}
