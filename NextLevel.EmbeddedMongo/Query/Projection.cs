using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query.Projections;

namespace NextLevel.EmbeddedMongo.Query;

/// <summary>
/// A find projection (inclusion, exclusion, positional <c>$</c>, <c>$slice</c>, <c>$elemMatch</c>, expressions,
/// <c>$meta: "textScore"</c>). Inclusion keeps the input's field order and appends computed and <c>$elemMatch</c>
/// fields in specification order, as MongoDB 4.4+ does.
/// Positional <c>$</c> and textScore need the <see cref="MatchDetails"/> the query filter filled for the document.
/// [Immutable - ThreadSafe]
/// </summary>
public sealed class Projection
{
    private readonly ProjectionNode _root;
    private readonly bool _inclusion;
    private readonly bool _includeId;
    private readonly string[]? _positionalPath;
    private readonly FilterOptions _options;

    private Projection(ProjectionParser parser, FilterOptions options)
    {
        _root = parser.Root;
        _inclusion = parser.IsInclusion;
        _includeId = parser.IdFlag ?? true;
        _positionalPath = parser.PositionalPath?.Split('.');
        _options = options;
    }

    /// <summary>True for an inclusion projection (only listed fields, plus _id unless excluded).</summary>
    public bool IsInclusion => _inclusion;

    public static Projection Parse(BsonDocument spec, FilterOptions? options = null)
    {
        var effectiveOptions = options ?? new FilterOptions();
        var parser = new ProjectionParser(effectiveOptions);
        parser.Parse(spec);
        return new Projection(parser, effectiveOptions);
    }

    /// <summary>Returns a new document; the input is not changed.</summary>
    public BsonDocument Apply(BsonDocument document, MatchDetails? details = null)
    {
        var context = new ApplyContext(document, details, _options);
        var result = _inclusion ? Include(document, _root, isRoot: true, context) : Exclude(document, _root, isRoot: true, context);
        if (_positionalPath is not null) ApplyPositional(result, details);
        return result;
    }

    private sealed class ApplyContext(BsonDocument root, MatchDetails? details, FilterOptions options)
    {
        private ExprContext? _expressionContext;

        public BsonDocument Root { get; } = root;

        public MatchDetails? Details { get; } = details;

        public ExprContext ExpressionContext => _expressionContext ??= new ExprContext(Root, options.Variables, options.Now);
    }

    private BsonDocument Include(BsonDocument document, ProjectionNode node, bool isRoot, ApplyContext context)
    {
        var result = new BsonDocument();
        if (isRoot && node.Get("_id") is { Action: ProjectionAction.Expression } computedId)
        {
            // A computed _id still comes first, as MongoDB always places _id first.
            var id = computedId.Expression!.Evaluate(context.ExpressionContext);
            if (id is not null) result.Add("_id", id);
        }
        foreach (var element in document)
        {
            var child = node.Get(element.Name);
            if (child is null)
            {
                if (isRoot && element.Name == "_id" && _includeId) result.Add(element.Name, element.Value.DeepClone());
                continue;
            }
            var projected = IncludedValue(element.Value, child, context);
            if (projected is not null) result.Add(element.Name, projected);
        }
        AppendComputed(document, node, result, context);
        return result;
    }

    private BsonValue? IncludedValue(BsonValue value, ProjectionNode node, ApplyContext context) => node.Action switch
    {
        ProjectionAction.Include => value.DeepClone(),
        ProjectionAction.Slice => value is BsonArray array ? node.ApplySlice(array).DeepClone() : value.DeepClone(),
        ProjectionAction.Nested => value switch
        {
            BsonDocument sub => Include(sub, node, isRoot: false, context),
            BsonArray array => IncludeInArray(array, node, context),
            // A scalar where sub-fields were asked for is dropped (computed children are added separately).
            _ => null,
        },
        _ => null,
    };

    private BsonArray IncludeInArray(BsonArray array, ProjectionNode node, ApplyContext context)
    {
        var result = new BsonArray(array.Count);
        foreach (var item in array)
        {
            switch (item)
            {
                case BsonDocument sub:
                    result.Add(Include(sub, node, isRoot: false, context));
                    break;
                case BsonArray nested:
                    result.Add(IncludeInArray(nested, node, context));
                    break;
                default:
                    // Scalars inside an array do not have the requested sub-fields: inclusion drops them.
                    if (node.HasComputedFields) result.Add(Include([], node, isRoot: false, context));
                    break;
            }
        }
        return result;
    }

    private BsonDocument Exclude(BsonDocument document, ProjectionNode node, bool isRoot, ApplyContext context)
    {
        var result = new BsonDocument();
        foreach (var element in document)
        {
            if (isRoot && element.Name == "_id" && !_includeId) continue;
            var child = node.Get(element.Name);
            if (child is null)
            {
                result.Add(element.Name, element.Value.DeepClone());
                continue;
            }
            switch (child.Action)
            {
                case ProjectionAction.Exclude:
                    break;
                case ProjectionAction.Slice:
                    result.Add(element.Name, element.Value is BsonArray array ? child.ApplySlice(array).DeepClone() : element.Value.DeepClone());
                    break;
                case ProjectionAction.Nested:
                    result.Add(element.Name, ExcludeInValue(element.Value, child, context));
                    break;
                case ProjectionAction.Include:
                    result.Add(element.Name, element.Value.DeepClone());
                    break;
            }
        }
        AppendComputed(document, node, result, context);
        return result;
    }

    private BsonValue ExcludeInValue(BsonValue value, ProjectionNode node, ApplyContext context)
    {
        switch (value)
        {
            case BsonDocument sub:
                return Exclude(sub, node, isRoot: false, context);
            case BsonArray array:
                var result = new BsonArray(array.Count);
                foreach (var item in array) result.Add(ExcludeInValue(item, node, context));
                return result;
            default:
                return value.DeepClone();
        }
    }

    /// <summary>Adds the fields that do not come from the input's order: expressions, $elemMatch and $meta, in spec order.</summary>
    private void AppendComputed(BsonDocument document, ProjectionNode node, BsonDocument result, ApplyContext context)
    {
        foreach (var (name, child) in node.Children)
        {
            switch (child.Action)
            {
                case ProjectionAction.Expression when !(name == "_id" && ReferenceEquals(node, _root)):
                    var computed = child.Expression!.Evaluate(context.ExpressionContext);
                    if (computed is not null) result[name] = computed;
                    break;
                case ProjectionAction.ElemMatch:
                    var matched = new MatchDetails();
                    if (child.ElemMatch!.Matches(document, matched) && matched.ArrayIndex is int index)
                    {
                        result[name] = new BsonArray { document[name][index].DeepClone() };
                    }
                    break;
                case ProjectionAction.TextScore:
                    var score = context.Details?.TextScore
                        ?? throw MongoError.Location(40218, "query requires text score metadata, but it is not available");
                    result[name] = score;
                    break;
                case ProjectionAction.Nested when child.HasComputedFields && _inclusion && !result.Contains(name):
                    // Computed sub-fields of a field the input lacks (or holds as a scalar) create it.
                    result[name] = Include([], child, isRoot: false, context);
                    break;
            }
        }
    }

    /// <summary>Reduces the first array on the positional path to the element the query matched.</summary>
    private void ApplyPositional(BsonDocument result, MatchDetails? details)
    {
        BsonValue current = result;
        foreach (var part in _positionalPath!)
        {
            if (current is not BsonDocument document || !document.TryGetValue(part, out var next)) return;
            if (next is BsonArray array)
            {
                var index = details?.ArrayIndex;
                if (index is null || index.Value >= array.Count)
                {
                    throw MongoError.Location(51246, "Executor error during find command :: caused by :: positional operator '.$' couldn't find a matching element in the array");
                }
                document[part] = new BsonArray { array[index.Value] };
                return;
            }
            current = next;
        }
    }
}
