using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Query.JsonSchema;

/// <summary>One compiled <c>$jsonSchema</c> (sub)schema: a list of keyword checks that must all pass. [Immutable - ThreadSafe]</summary>
internal sealed class SchemaNode(IReadOnlyList<SchemaCheck> checks)
{
    private readonly SchemaCheck[] _checks = [.. checks];

    public bool IsValid(BsonValue value)
    {
        foreach (var check in _checks)
        {
            if (!check(value)) return false;
        }
        return true;
    }
}

/// <summary>One keyword's check. Keywords about a type (minimum, properties, items) pass values of other types.</summary>
internal delegate bool SchemaCheck(BsonValue value);
