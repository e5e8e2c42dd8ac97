using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query.Predicates;

namespace NextLevel.EmbeddedMongo.Query.Parsing;

/// <summary>Field operators: <c>{ field: { $gt: 1, $lt: 5 } }</c> and the operators inside <c>$elemMatch</c> and <c>$not</c>.</summary>
internal sealed partial class FilterParser
{
    private List<FieldCondition> ParseOperators(string fieldName, BsonDocument operators, bool insideElemMatch)
    {
        var conditions = new List<FieldCondition>(operators.ElementCount);
        BsonValue? regex = null;
        BsonValue? regexOptions = null;

        foreach (var element in operators)
        {
            var value = element.Value;
            switch (element.Name)
            {
                case "$eq":
                    conditions.Add(new PositiveCondition(new EqualityTest(value)));
                    break;
                case "$ne":
                    if (value is BsonRegularExpression) throw MongoError.BadValue("Can't have regex as arg to $ne.");
                    conditions.Add(new NegatedCondition([new PositiveCondition(new EqualityTest(value))]));
                    break;
                case "$gt":
                    conditions.Add(Comparison(ComparisonOperator.GreaterThan, fieldName, value));
                    break;
                case "$gte":
                    conditions.Add(Comparison(ComparisonOperator.GreaterThanOrEqual, fieldName, value));
                    break;
                case "$lt":
                    conditions.Add(Comparison(ComparisonOperator.LessThan, fieldName, value));
                    break;
                case "$lte":
                    conditions.Add(Comparison(ComparisonOperator.LessThanOrEqual, fieldName, value));
                    break;
                case "$in":
                    conditions.Add(new PositiveCondition(ParseIn("$in", value)));
                    break;
                case "$nin":
                    conditions.Add(new NegatedCondition([new PositiveCondition(ParseIn("$nin", value))]));
                    break;
                case "$exists":
                    var exists = new PositiveCondition(ExistsTest.Instance);
                    conditions.Add(value.ToBoolean() ? exists : new NegatedCondition([exists]));
                    break;
                case "$type":
                    conditions.Add(new PositiveCondition(ParseType(value)));
                    break;
                case "$regex":
                    regex = value;
                    break;
                case "$options":
                    regexOptions = value;
                    break;
                case "$mod":
                    conditions.Add(new PositiveCondition(ParseMod(value)));
                    break;
                case "$size":
                    conditions.Add(new PositiveCondition(ParseSize(value)));
                    break;
                case "$all":
                    conditions.AddRange(ParseAll(value));
                    break;
                case "$elemMatch":
                    conditions.Add(new PositiveCondition(ParseElemMatch(value)));
                    break;
                case "$not":
                    conditions.Add(ParseNot(fieldName, value));
                    break;
                case "$bitsAllSet":
                case "$bitsAllClear":
                case "$bitsAnySet":
                case "$bitsAnyClear":
                    conditions.Add(new PositiveCondition(BitsTest.Parse(element.Name, value)));
                    break;
                case "$near":
                case "$nearSphere":
                case "$geoWithin":
                case "$geoIntersects":
                case "$within":
                    throw new MongoError(ErrorCode.NotImplemented, $"{element.Name} (geospatial queries) is not supported by this server");
                case "$where":
                    throw MongoError.BadValue("$where cannot be applied to a field");
                case "$text":
                case "$expr":
                    throw MongoError.BadValue($"{element.Name} can only be applied to the top-level document");
                default:
                    throw MongoError.BadValue($"unknown operator: {element.Name}");
            }
        }

        if (regex is not null || regexOptions is not null) conditions.Add(new PositiveCondition(ParseRegex(regex, regexOptions)));
        if (insideElemMatch && conditions.Count == 0) throw MongoError.BadValue("$elemMatch needs an Object");
        return conditions;
    }

    private static PositiveCondition Comparison(ComparisonOperator op, string fieldName, BsonValue value)
    {
        if (value is BsonRegularExpression)
        {
            throw MongoError.BadValue($"Can't have RegEx as arg to predicate over field '{fieldName}'.");
        }
        return new PositiveCondition(new ComparisonTest(op, value));
    }

    private static InTest ParseIn(string name, BsonValue value)
    {
        if (value is not BsonArray array) throw MongoError.BadValue($"{name} needs an array");
        var values = new List<BsonValue>(array.Count);
        var regexes = new List<RegexTest>();
        foreach (var item in array)
        {
            switch (item)
            {
                case BsonRegularExpression regex:
                    regexes.Add(RegexFactory.CreateTest(regex));
                    break;
                case BsonDocument document when IsOperatorDocument(document):
                    throw MongoError.BadValue("cannot nest $ under $in");
                default:
                    values.Add(item);
                    break;
            }
        }
        return new InTest(values, regexes);
    }

    private static TypeTest ParseType(BsonValue value)
    {
        var types = new HashSet<BsonType>();
        if (value is BsonArray array)
        {
            foreach (var item in array) BsonTypeAliases.AddTypes(item, types);
        }
        else
        {
            BsonTypeAliases.AddTypes(value, types);
        }
        return new TypeTest(types);
    }

    private static RegexTest ParseRegex(BsonValue? regex, BsonValue? options)
    {
        if (regex is null) throw MongoError.BadValue("$options needs a $regex");
        if (options is not null && !options.IsString) throw MongoError.BadValue("$options has to be a string");
        var extraOptions = options?.AsString ?? "";
        switch (regex)
        {
            case BsonString pattern:
                return RegexFactory.CreateTest(pattern.Value, extraOptions);
            case BsonRegularExpression literal:
                if (literal.Options.Length > 0 && extraOptions.Length > 0)
                {
                    throw MongoError.BadValue("options set in both $regex and $options");
                }
                return RegexFactory.CreateTest(literal.Pattern, literal.Options.Length > 0 ? literal.Options : extraOptions);
            default:
                throw MongoError.BadValue("$regex has to be a string");
        }
    }

    private static ModTest ParseMod(BsonValue value)
    {
        if (value is not BsonArray array) throw MongoError.BadValue("malformed mod, needs to be an array");
        if (array.Count < 2) throw MongoError.BadValue("malformed mod, not enough elements");
        if (array.Count > 2) throw MongoError.BadValue("malformed mod, too many elements");
        if (!array[0].IsNumeric) throw MongoError.BadValue("malformed mod, divisor not a number");
        if (!array[1].IsNumeric) throw MongoError.BadValue("malformed mod, remainder not a number");
        var divisorValue = array[0].ToDouble();
        var remainderValue = array[1].ToDouble();
        if (double.IsNaN(divisorValue) || double.IsInfinity(divisorValue))
        {
            throw MongoError.BadValue("malformed mod, divisor value is invalid :: caused by :: Unable to coerce NaN/Inf to integral type");
        }
        if (double.IsNaN(remainderValue) || double.IsInfinity(remainderValue))
        {
            throw MongoError.BadValue("malformed mod, remainder value is invalid :: caused by :: Unable to coerce NaN/Inf to integral type");
        }
        var divisor = array[0].IsInt32 || array[0].IsInt64 ? array[0].ToInt64() : ModTest.TruncateToLong(divisorValue);
        var remainder = array[1].IsInt32 || array[1].IsInt64 ? array[1].ToInt64() : ModTest.TruncateToLong(remainderValue);
        if (divisor == 0) throw MongoError.BadValue("divisor cannot be 0");
        return new ModTest(divisor, remainder);
    }

    private static SizeTest ParseSize(BsonValue value)
    {
        if (!value.IsNumeric) throw MongoError.BadValue("$size needs a number");
        var size = value.ToDouble();
        if (double.IsNaN(size) || size != Math.Floor(size)) throw MongoError.BadValue("$size must be a whole number");
        if (size > int.MaxValue || size < int.MinValue) throw MongoError.BadValue("$size must be representable as a 32-bit integer");
        if (size < 0) throw MongoError.BadValue("$size may not be negative");
        return new SizeTest((int)size);
    }

    private List<FieldCondition> ParseAll(BsonValue value)
    {
        if (value is not BsonArray array) throw MongoError.BadValue("$all needs an array");
        if (array.Count == 0) return [NeverCondition.Instance];

        var conditions = new List<FieldCondition>(array.Count);
        var elemMatchCount = 0;
        foreach (var item in array)
        {
            if (item is BsonDocument document && document.ElementCount > 0 && document.GetElement(0).Name == "$elemMatch")
            {
                elemMatchCount++;
                if (document.ElementCount > 1) throw MongoError.BadValue("$all/$elemMatch has to be consistent");
                conditions.Add(new PositiveCondition(ParseElemMatch(document[0])));
            }
            else if (item is BsonDocument operators && IsOperatorDocument(operators))
            {
                throw MongoError.BadValue("no $ expressions in $all");
            }
            else
            {
                conditions.Add(ImplicitEquality(item));
            }
        }
        if (elemMatchCount > 0 && elemMatchCount != array.Count) throw MongoError.BadValue("$all/$elemMatch has to be consistent");
        return conditions;
    }

    private ValueTest ParseElemMatch(BsonValue value)
    {
        if (value is not BsonDocument spec) throw MongoError.BadValue("$elemMatch needs an Object");
        if (IsElemMatchValueForm(spec))
        {
            return new ElemMatchValueTest(FieldCondition.ToElementTest(ParseOperators("", spec, insideElemMatch: true)));
        }
        return new ElemMatchObjectTest(ParseDocument(spec, Context.ElemMatch));
    }

    /// <summary>Value form (<c>{ $gte: 80 }</c>) when the first field is an operator other than the logical
    /// and top-level ones, which belong to the query form (<c>{ $or: [...] }</c> over element fields).</summary>
    private static bool IsElemMatchValueForm(BsonDocument spec) =>
        IsOperatorDocument(spec) && !HasDBRefField(spec) && spec.GetElement(0).Name is not ("$and" or "$or" or "$nor" or "$where" or "$expr" or "$jsonSchema"
            or "$alwaysTrue" or "$alwaysFalse" or "$comment" or "$text");

    private NegatedCondition ParseNot(string fieldName, BsonValue value)
    {
        switch (value)
        {
            case BsonRegularExpression regex:
                return new NegatedCondition([new PositiveCondition(RegexFactory.CreateTest(regex))]);
            case BsonDocument { ElementCount: 0 }:
                throw MongoError.BadValue("$not cannot be empty");
            case BsonDocument operators:
                foreach (var element in operators)
                {
                    if (!element.Name.StartsWith('$')) throw MongoError.BadValue($"unknown operator: {element.Name}");
                }
                return new NegatedCondition(ParseOperators(fieldName, operators, insideElemMatch: false));
            default:
                throw MongoError.BadValue("$not needs a regex or a document");
        }
    }
}
