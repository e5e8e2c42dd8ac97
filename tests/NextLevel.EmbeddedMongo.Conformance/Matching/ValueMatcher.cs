using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Conformance.Execution;

namespace NextLevel.EmbeddedMongo.Conformance.Matching;

/// <summary>
/// Matches an expected value from a test file against an actual value, following "Evaluating Matches" of the unified
/// test format: flexible numerics, extra fields allowed only in root-level documents, arrays of equal length, and the
/// <c>$$</c> special operators. A C# null actual value stands for "absent".
/// [Stateless per test - not shared between tests]
/// </summary>
public sealed class ValueMatcher(IMatchEntities entities)
{
    /// <summary>Returns null when <paramref name="actual"/> matches, otherwise a description of the first mismatch.</summary>
    public string? Match(BsonValue expected, BsonValue? actual, MatchRootness rootness)
        => MatchValue(expected, actual, rootness, "$");

    /// <summary>Throws <see cref="TestAssertionException"/> with <paramref name="what"/> as context on a mismatch.</summary>
    public void AssertMatches(BsonValue expected, BsonValue? actual, MatchRootness rootness, string what)
    {
        var failure = Match(expected, actual, rootness);
        if (failure is not null) throw new TestAssertionException($"{what}: {failure}");
    }

    private string? MatchValue(BsonValue expected, BsonValue? actual, MatchRootness rootness, string path)
    {
        if (TryGetSpecialOperator(expected, out var name, out var argument))
            return MatchOperator(name, argument, actual, rootness, path);

        if (expected is BsonDocument expectedDocument)
            return MatchDocument(expectedDocument, actual, rootness == MatchRootness.Document, path);

        if (expected is BsonArray expectedArray)
            return MatchArray(expectedArray, actual, rootness == MatchRootness.ArrayElements ? MatchRootness.Document : MatchRootness.None, path);

        return MatchScalar(expected, actual, path);
    }

    private string? MatchDocument(BsonDocument expected, BsonValue? actual, bool isRoot, string path)
    {
        if (actual is not BsonDocument actualDocument)
            return $"{path}: expected a document {Show(expected)} but got {Show(actual)}";

        foreach (var element in expected)
        {
            var fieldPath = path + "." + element.Name;
            var present = actualDocument.TryGetValue(element.Name, out var actualField);
            if (TryGetSpecialOperator(element.Value, out var name, out var argument))
            {
                if (name == "$$exists")
                {
                    if (argument.ToBoolean() != present)
                        return $"{fieldPath}: expected the field to {(argument.ToBoolean() ? "exist" : "be absent")}, got {Show(present ? actualField : null)}";
                    continue;
                }
                if (name == "$$unsetOrMatches" && !present) continue;
            }

            if (!present)
                return $"{fieldPath}: missing, expected {Show(element.Value)}";

            var failure = MatchValue(element.Value, actualField, MatchRootness.None, fieldPath);
            if (failure is not null) return failure;
        }

        if (!isRoot)
        {
            foreach (var element in actualDocument)
            {
                if (!expected.Contains(element.Name))
                    return $"{path}.{element.Name}: unexpected extra field {Show(element.Value)} in a nested document";
            }
        }
        return null;
    }

    private string? MatchArray(BsonArray expected, BsonValue? actual, MatchRootness elementRootness, string path)
    {
        if (actual is not BsonArray actualArray)
            return $"{path}: expected an array {Show(expected)} but got {Show(actual)}";
        if (actualArray.Count != expected.Count)
            return $"{path}: expected {expected.Count} elements {Show(expected)} but got {actualArray.Count} {Show(actualArray)}";

        for (var i = 0; i < expected.Count; i++)
        {
            var failure = MatchValue(expected[i], actualArray[i], elementRootness, $"{path}[{i}]");
            if (failure is not null) return failure;
        }
        return null;
    }

    private static string? MatchScalar(BsonValue expected, BsonValue? actual, string path)
    {
        if (actual is null)
            return $"{path}: missing, expected {Show(expected)}";
        return ScalarsEqual(expected, actual) ? null : $"{path}: expected {Show(expected)} but got {Show(actual)}";
    }

    /// <summary>Same type and value, except that int, long and double compare by numeric value (Decimal128 does not).</summary>
    public static bool ScalarsEqual(BsonValue expected, BsonValue actual)
    {
        if (IsFlexibleNumber(expected) && IsFlexibleNumber(actual))
            return BsonValueComparer.CompareNumbers(expected, actual) == 0;
        return expected.BsonType == actual.BsonType && BsonValueComparer.Instance.Equals(expected, actual);
    }

    private string? MatchOperator(string name, BsonValue argument, BsonValue? actual, MatchRootness rootness, string path)
    {
        switch (name)
        {
            case "$$exists":
                // Only meaningful as a field value; at the value level it asserts presence of the value itself.
                return argument.ToBoolean() == (actual is not null) ? null : $"{path}: $$exists {argument} does not hold";
            case "$$unsetOrMatches":
                return actual is null ? null : MatchValue(argument, actual, rootness, path);
            case "$$type":
                return MatchType(argument, actual, path);
            case "$$matchesEntity":
                return MatchValue(entities.GetBsonValue(argument.AsString), actual, rootness, path);
            case "$$sessionLsid":
                return MatchValue(entities.GetSessionLsid(argument.AsString), actual, MatchRootness.None, path);
            case "$$lte":
                return MatchLessThanOrEqual(argument, actual, path);
            case "$$matchesHexBytes":
                return MatchHexBytes(argument.AsString, actual, path);
            case "$$matchAsDocument":
                if (actual is not BsonString json)
                    return $"{path}: $$matchAsDocument needs an extended JSON string but got {Show(actual)}";
                return MatchValue(argument, BsonDocument.Parse(json.Value), MatchRootness.None, path);
            case "$$matchAsRoot":
                return MatchValue(argument, actual, MatchRootness.Document, path);
            default:
                throw new UnsupportedByRunnerException($"matching operator {name}");
        }
    }

    private static string? MatchType(BsonValue argument, BsonValue? actual, string path)
    {
        if (actual is null) return $"{path}: missing, expected a value of type {argument}";
        var aliases = argument is BsonArray array ? array.Select(a => a.AsString) : [argument.AsString];
        return aliases.Any(alias => BsonTypeAliases.Matches(alias, actual.BsonType))
            ? null
            : $"{path}: expected type {argument} but got {actual.BsonType} {Show(actual)}";
    }

    private static string? MatchLessThanOrEqual(BsonValue limit, BsonValue? actual, string path)
    {
        if (actual is null || !actual.IsNumeric || !limit.IsNumeric)
            return $"{path}: $$lte {limit} needs a number but got {Show(actual)}";
        return BsonValueComparer.CompareNumbers(actual, limit) <= 0 ? null : $"{path}: expected <= {limit} but got {actual}";
    }

    private static string? MatchHexBytes(string hex, BsonValue? actual, string path)
    {
        var expectedBytes = Convert.FromHexString(hex);
        byte[]? actualBytes = actual switch
        {
            BsonBinaryData binary => binary.Bytes,
            BsonString text => Convert.FromHexString(text.Value),
            _ => null,
        };
        return actualBytes is not null && actualBytes.AsSpan().SequenceEqual(expectedBytes)
            ? null
            : $"{path}: expected bytes {hex} but got {Show(actual)}";
    }

    private static bool IsFlexibleNumber(BsonValue value)
        => value.BsonType is BsonType.Int32 or BsonType.Int64 or BsonType.Double;

    /// <summary>True when <paramref name="value"/> is a document whose first and only key starts with "$$".</summary>
    public static bool TryGetSpecialOperator(BsonValue value, out string name, out BsonValue argument)
    {
        if (value is BsonDocument { ElementCount: 1 } document && document.GetElement(0).Name.StartsWith("$$", StringComparison.Ordinal))
        {
            var element = document.GetElement(0);
            name = element.Name;
            argument = element.Value;
            return true;
        }
        name = string.Empty;
        argument = BsonNull.Value;
        return false;
    }

    private static string Show(BsonValue? value) => value is null ? "(absent)" : BsonText.Show(value);
}
