using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Update.Operators;

/// <summary>
/// Which array elements <c>$pull</c> removes, decided the way the server does:
/// a document of query operators (<c>{$gte: 6}</c>) is matched against each element itself;
/// any other document (<c>{size: "M"}</c>) is a query on document elements (extra fields in the element are fine);
/// any other value removes the elements equal to it.
/// </summary>
internal abstract class PullCondition
{
    /// <summary>The field name elements are wrapped in to match an operator document against them.</summary>
    private const string WrapperField = "";

    public abstract bool Removes(BsonValue element);

    public static PullCondition Parse(BsonValue argument)
    {
        if (argument is BsonDocument condition)
        {
            return IsOperatorDocument(condition)
                ? new ElementCondition(Filter.Parse(new BsonDocument(WrapperField, condition)))
                : new DocumentCondition(Filter.Parse(condition));
        }
        return new EqualTo(argument);
    }

    private static bool IsOperatorDocument(BsonDocument condition) =>
        condition.ElementCount > 0 && condition.GetElement(0).Name.StartsWith('$') && !IsDbRef(condition);

    private static bool IsDbRef(BsonDocument condition) => condition.GetElement(0).Name == "$ref";

    private sealed class ElementCondition(Filter filter) : PullCondition
    {
        public override bool Removes(BsonValue element) => filter.Matches(new BsonDocument(WrapperField, element));
    }

    private sealed class DocumentCondition(Filter filter) : PullCondition
    {
        public override bool Removes(BsonValue element) => element is BsonDocument document && filter.Matches(document);
    }

    private sealed class EqualTo(BsonValue value) : PullCondition
    {
        public override bool Removes(BsonValue element) => BsonValueComparer.Instance.Equals(element, value);
    }
}
