using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query.Filters;
using NextLevel.EmbeddedMongo.Query.JsonSchema;
using NextLevel.EmbeddedMongo.Query.Text;

namespace NextLevel.EmbeddedMongo.Query.Parsing;

/// <summary>
/// Compiles a filter document into a tree of <see cref="Filter"/> nodes, validating it as MongoDB does.
/// This file handles the document level (fields and top-level operators); field operators live in
/// FilterParser.FieldOperators.cs. One instance per Parse call. [Transient - NotThreadSafe]
/// </summary>
internal sealed partial class FilterParser
{
    private readonly FilterOptions _options;
    private int _textExpressions;

    public FilterParser(FilterOptions options) => _options = options;

    /// <summary>Where a sub-filter sits: $text is only allowed outside negations and $elemMatch.</summary>
    private enum Context { TopLevel, Negated, ElemMatch }

    public Filter ParseDocument(BsonDocument spec) => ParseDocument(spec, Context.TopLevel);

    private Filter ParseDocument(BsonDocument spec, Context context)
    {
        var filters = new List<Filter>(spec.ElementCount);
        foreach (var element in spec)
        {
            var filter = element.Name.StartsWith('$')
                ? ParseTopLevelOperator(element, context)
                : ParseField(element.Name, element.Value);
            if (filter is not null) filters.Add(filter);
        }
        return filters.Count switch
        {
            0 => ConstantFilter.True,
            1 => filters[0],
            _ => new AndFilter(filters),
        };
    }

    private Filter? ParseTopLevelOperator(BsonElement element, Context context)
    {
        switch (element.Name)
        {
            case "$and":
                return new AndFilter(ParseClauses(element, context));
            case "$or":
                return new OrFilter(ParseClauses(element, context));
            case "$nor":
                return new NorFilter(ParseClauses(element, Context.Negated));
            case "$expr":
                if (context == Context.ElemMatch) throw MongoError.BadValue("$expr can only be applied to the top-level document");
                return new ExprFilter(Expr.Parse(element.Value), _options);
            case "$text":
                return ParseText(element.Value, context);
            case "$jsonSchema":
                if (!element.Value.IsBsonDocument) throw MongoError.TypeMismatch("$jsonSchema must be an object");
                return new JsonSchemaFilter(JsonSchemaCompiler.Compile(element.Value.AsBsonDocument));
            case "$comment":
                return null;
            case "$ref":
            case "$id":
            case "$db":
                // DBRef fields, as in { $elemMatch: { $ref: "users", $id: 5 } } over an array of references.
                return new PathFilter(DocumentPath.Parse(element.Name), new Predicates.EqualityTest(element.Value));
            case "$alwaysTrue":
            case "$alwaysFalse":
                if (!element.Value.IsNumeric || element.Value.ToDouble() != 1)
                {
                    throw MongoError.FailedToParse($"{element.Name} must be an integer value of 1");
                }
                return element.Name == "$alwaysTrue" ? ConstantFilter.True : ConstantFilter.False;
            case "$sampleRate":
                if (!element.Value.IsNumeric || !(element.Value.ToDouble() is >= 0 and <= 1))
                {
                    throw MongoError.BadValue("numeric argument to $sampleRate must be in [0, 1]");
                }
                return new SampleRateFilter(element.Value.ToDouble());
            case "$where":
                if (context == Context.ElemMatch) throw MongoError.BadValue("$where can only be applied to the top-level document");
                throw MongoError.BadValue("$where is not supported: server-side JavaScript is disabled on this server");
            default:
                throw MongoError.BadValue(
                    $"unknown top level operator: {element.Name}. If you have a field name that starts with a '$' symbol, consider using $getField or $setField.");
        }
    }

    private List<Filter> ParseClauses(BsonElement element, Context context)
    {
        if (element.Value is not BsonArray clauses || clauses.Count == 0)
        {
            throw MongoError.BadValue($"{element.Name} must be a nonempty array");
        }
        var filters = new List<Filter>(clauses.Count);
        foreach (var clause in clauses)
        {
            if (clause is not BsonDocument clauseDocument)
            {
                throw MongoError.BadValue($"{element.Name} argument's entries must be objects");
            }
            filters.Add(ParseDocument(clauseDocument, context));
        }
        return filters;
    }

    private Filter ParseText(BsonValue spec, Context context)
    {
        if (context != Context.TopLevel) throw MongoError.BadValue("$text is not allowed in this context");
        if (++_textExpressions > 1) throw MongoError.BadValue("Too many text expressions");
        if (spec is not BsonDocument textSpec) throw MongoError.BadValue("$text expects an object");
        var query = TextSearchQuery.Parse(textSpec);
        if (_options.TextIndexFields is null)
        {
            throw new MongoError(ErrorCode.IndexNotFound, "text index required for $text query");
        }
        return new TextFilter(query, _options.TextIndexFields);
    }

    private Filter ParseField(string name, BsonValue value)
    {
        var path = DocumentPath.Parse(name);
        if (value is BsonDocument operators && IsOperatorDocument(operators))
        {
            return FieldCondition.ToPathFilter(path, ParseOperators(name, operators, insideElemMatch: false));
        }
        return FieldCondition.ToPathFilter(path, [ImplicitEquality(value)]);
    }

    /// <summary>Implicit equality: a regex value means a regex match, anything else exact equality.</summary>
    private static FieldCondition ImplicitEquality(BsonValue value) =>
        value is BsonRegularExpression regex
            ? new PositiveCondition(RegexFactory.CreateTest(regex))
            : new PositiveCondition(new Predicates.EqualityTest(value));

    /// <summary>A document whose first field is an operator; a DBRef (with <c>$ref</c> and <c>$id</c>) is a plain value.</summary>
    private static bool IsOperatorDocument(BsonDocument document) =>
        document.ElementCount > 0 && document.GetElement(0).Name.StartsWith('$') && !(document.Contains("$ref") && document.Contains("$id"));

    /// <summary>Whether a document mentions a DBRef field, which makes an <c>$elemMatch</c> argument a query on the elements.</summary>
    private static bool HasDBRefField(BsonDocument document) =>
        document.Contains("$ref") || document.Contains("$id") || document.Contains("$db");
}
