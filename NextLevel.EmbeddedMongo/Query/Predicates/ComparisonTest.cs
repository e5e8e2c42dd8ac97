using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;

namespace NextLevel.EmbeddedMongo.Query.Predicates;

internal enum ComparisonOperator { GreaterThan, GreaterThanOrEqual, LessThan, LessThanOrEqual }

/// <summary>
/// <c>$gt $gte $lt $lte</c> with MongoDB's type bracketing: a value of another canonical type never matches,
/// except against MinKey/MaxKey, which compare with everything. NaN only matches NaN, and only with $gte/$lte.
/// </summary>
internal sealed class ComparisonTest : ValueTest
{
    private readonly BsonValue _bound;
    private readonly ComparisonOperator _operator;
    private readonly BsonTypeRank _rank;
    private readonly bool _boundIsNaN;

    public ComparisonTest(ComparisonOperator op, BsonValue bound)
    {
        _operator = op;
        _bound = bound;
        _rank = BsonTypeOrder.RankOf(bound);
        _boundIsNaN = IsNaN(bound);
    }

    public override bool Test(BsonValue? value, ref int arrayPosition)
    {
        // Integers against an integer bound (counts, scores, amounts) skip the general comparison.
        if (value is BsonInt32 int32 && _bound is BsonInt32 boundInt32) return Holds(int32.Value.CompareTo(boundInt32.Value));

        var rank = BsonTypeOrder.RankOf(value);
        if (rank != _rank && _rank is not (BsonTypeRank.MinKey or BsonTypeRank.MaxKey)) return false;

        if (_boundIsNaN || (rank == BsonTypeRank.Number && IsNaN(value!)))
        {
            return _boundIsNaN && IsNaN(value!) && _operator is ComparisonOperator.GreaterThanOrEqual or ComparisonOperator.LessThanOrEqual;
        }

        return Holds(BsonValueComparer.Instance.Compare(value, _bound));
    }

    private bool Holds(int comparison)
    {
        return _operator switch
        {
            ComparisonOperator.GreaterThan => comparison > 0,
            ComparisonOperator.GreaterThanOrEqual => comparison >= 0,
            ComparisonOperator.LessThan => comparison < 0,
            _ => comparison <= 0,
        };
    }

    private static bool IsNaN(BsonValue value) => value.BsonType switch
    {
        BsonType.Double => double.IsNaN(value.AsDouble),
        BsonType.Decimal128 => Decimal128.IsNaN(value.AsDecimal128),
        _ => false,
    };
}
