using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Query.Predicates;

/// <summary>Several operators on one element inside <c>$elemMatch</c>: all must hold for that element.</summary>
internal sealed class AllValueTest(IReadOnlyList<ValueTest> tests) : ValueTest
{
    private readonly ValueTest[] _tests = [.. tests];

    public override bool Test(BsonValue? value, ref int arrayPosition)
    {
        foreach (var test in _tests)
        {
            if (!test.Test(value, ref arrayPosition)) return false;
        }
        return true;
    }
}

/// <summary>A negated operator ($ne, $nin, $not, $exists: false) applied to one element inside <c>$elemMatch</c>.</summary>
internal sealed class NotValueTest(ValueTest inner) : ValueTest
{
    public override bool Test(BsonValue? value, ref int arrayPosition) => !inner.Test(value);
}
