using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Planner;

/// <summary>
/// Decides whether a partial index's condition on one field holds for every value a query pins that field to
/// (equality or <c>$in</c>), by evaluating the condition on each value. Only the operators MongoDB allows in
/// partial filters are considered ($eq, $exists, $type, ranges); anything else is "not implied", which only
/// means the index is not used.
/// </summary>
internal static class PartialConditionImplication
{
    public static bool IsImplied(BsonValue condition, IReadOnlyList<BsonValue>? pinnedValues)
    {
        if (pinnedValues is null || pinnedValues.Count == 0) return false;
        if (condition is BsonDocument operators && operators.ElementCount > 0 && operators.GetElement(0).Name.StartsWith('$'))
        {
            if (operators.Names.Any(name => name is not ("$eq" or "$exists" or "$type" or "$gt" or "$gte" or "$lt" or "$lte"))) return false;
        }
        // The condition, as a filter on a one-field document, is checked against each pinned value.
        var filter = Filter.Parse(new BsonDocument("v", condition));
        return pinnedValues.All(value => !value.IsBsonNull && filter.Matches(new BsonDocument("v", value)));
    }
}
