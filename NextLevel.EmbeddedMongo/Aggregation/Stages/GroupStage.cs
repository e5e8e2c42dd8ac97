using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Accumulators;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// $group: one output document per distinct _id value (missing groups with null), accumulators per field.
/// Groups are emitted in first-seen order once the input is exhausted.
/// </summary>
internal sealed class GroupStage(Expr id, IReadOnlyList<AccumulatorField> fields) : Stage
{
    public override string Name => "$group";

    public static GroupStage Parse(BsonValue spec)
    {
        if (spec is not BsonDocument document)
            throw MongoError.Location(15947, "a group's fields must be specified in an object");
        Expr? id = null;
        var fields = new List<AccumulatorField>();
        foreach (var element in document)
        {
            if (element.Name == "_id")
            {
                id = Expr.Parse(element.Value);
                continue;
            }
            fields.Add(ParseField(element));
        }
        if (id is null) throw MongoError.Location(15955, "a group specification must include an _id");
        return new GroupStage(id, fields);
    }

    /// <summary>Validates an output field name and parses its accumulator (shared with $bucket and $bucketAuto).</summary>
    public static AccumulatorField ParseField(BsonElement element)
    {
        if (element.Name.StartsWith('$'))
            throw MongoError.Location(40236, $"The field name '{element.Name}' cannot be an operator name");
        if (element.Name.Contains('.', StringComparison.Ordinal))
            throw MongoError.Location(40235, $"The field name '{element.Name}' cannot contain '.'");
        return AccumulatorTable.Parse(element.Name, element.Value);
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        var groups = new Dictionary<BsonValue, Accumulator[]>(BsonValueComparer.Instance!);
        var order = new List<BsonValue>();
        var context = runtime.NewContext();
        foreach (var document in input)
        {
            context.Reset(document);
            var key = id.Evaluate(context) ?? BsonNull.Value;
            if (!groups.TryGetValue(key, out var accumulators))
            {
                accumulators = fields.Select(f => f.Create()).ToArray();
                groups.Add(key, accumulators);
                order.Add(key);
            }
            foreach (var accumulator in accumulators) accumulator.Accumulate(context);
        }
        foreach (var key in order) yield return Output(key, groups[key], fields);
    }

    /// <summary>{ _id, field: result, ... }; a missing result is reported as null, as the server does.</summary>
    public static BsonDocument Output(BsonValue key, Accumulator[] accumulators, IReadOnlyList<AccumulatorField> fields)
    {
        var output = new BsonDocument("_id", key);
        for (var i = 0; i < fields.Count; i++) output[fields[i].Name] = accumulators[i].Result() ?? BsonNull.Value;
        return output;
    }
}
