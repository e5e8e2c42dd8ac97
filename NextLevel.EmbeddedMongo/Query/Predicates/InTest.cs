using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;

namespace NextLevel.EmbeddedMongo.Query.Predicates;

/// <summary><c>$in</c>: equal to one of the listed values (null also matches missing) or matching one of the listed regexes.</summary>
internal sealed class InTest : ValueTest
{
    // Small lists are scanned; larger ones hashed with MongoDB's equality (1 == 1.0 == 1L).
    private const int HashThreshold = 8;

    private readonly BsonValue[] _values;
    private readonly HashSet<BsonValue?>? _valueSet;
    private readonly RegexTest[] _regexes;

    public InTest(IReadOnlyList<BsonValue> values, IReadOnlyList<RegexTest> regexes)
    {
        _values = [.. values];
        _regexes = [.. regexes];
        if (_values.Length > HashThreshold) _valueSet = new HashSet<BsonValue?>(_values, BsonValueComparer.Instance);
    }

    public override bool Test(BsonValue? value, ref int arrayPosition)
    {
        var candidate = value ?? BsonNull.Value;
        if (_valueSet is not null)
        {
            if (_valueSet.Contains(candidate)) return true;
        }
        else
        {
            foreach (var expected in _values)
            {
                if (BsonValueComparer.Instance.Equals(candidate, expected)) return true;
            }
        }
        foreach (var regex in _regexes)
        {
            if (regex.Test(value)) return true;
        }
        return false;
    }
}
