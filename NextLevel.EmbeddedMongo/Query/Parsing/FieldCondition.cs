using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Query.Filters;
using NextLevel.EmbeddedMongo.Query.Predicates;

namespace NextLevel.EmbeddedMongo.Query.Parsing;

/// <summary>
/// A parsed operator of a field (<c>{ $gt: 1 }</c>, <c>{ $not: {...} }</c>) before it is bound to a place:
/// on a path, negation applies to the whole path (<c>$ne: 1</c> rejects arrays containing 1); inside
/// <c>$elemMatch</c>, it applies to each element.
/// </summary>
internal abstract class FieldCondition
{
    public abstract Filter ToPathFilter(DocumentPath path);

    public abstract ValueTest ToElementTest();

    public static Filter ToPathFilter(DocumentPath path, IReadOnlyList<FieldCondition> conditions) =>
        conditions.Count == 1 ? conditions[0].ToPathFilter(path) : new AndFilter([.. conditions.Select(c => c.ToPathFilter(path))]);

    public static ValueTest ToElementTest(IReadOnlyList<FieldCondition> conditions) =>
        conditions.Count == 1 ? conditions[0].ToElementTest() : new AllValueTest([.. conditions.Select(c => c.ToElementTest())]);
}

internal sealed class PositiveCondition(ValueTest test) : FieldCondition
{
    public override Filter ToPathFilter(DocumentPath path) => new PathFilter(path, test);

    public override ValueTest ToElementTest() => test;
}

internal sealed class NegatedCondition(IReadOnlyList<FieldCondition> inner) : FieldCondition
{
    public override Filter ToPathFilter(DocumentPath path) => new NotFilter(ToPathFilter(path, inner));

    public override ValueTest ToElementTest() => new NotValueTest(ToElementTest(inner));
}

/// <summary>A condition that nothing satisfies (<c>$all: []</c>).</summary>
internal sealed class NeverCondition : FieldCondition
{
    public static readonly NeverCondition Instance = new();

    public override Filter ToPathFilter(DocumentPath path) => ConstantFilter.False;

    public override ValueTest ToElementTest() => NeverTest.Instance;

    private sealed class NeverTest : ValueTest
    {
        public static readonly NeverTest Instance = new();

        public override bool Test(MongoDB.Bson.BsonValue? value, ref int arrayPosition) => false;
    }
}
