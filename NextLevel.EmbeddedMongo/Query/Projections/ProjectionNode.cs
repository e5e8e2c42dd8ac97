using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;

namespace NextLevel.EmbeddedMongo.Query.Projections;

/// <summary>What a projection does with one field.</summary>
internal enum ProjectionAction
{
    /// <summary>An inner node: the field is a document (or array of documents) projected by the children.</summary>
    Nested,
    Include,
    Exclude,
    /// <summary>A computed value: <c>{ x: { $add: [...] } }</c>, <c>{ x: "$y" }</c>, literals.</summary>
    Expression,
    /// <summary><c>{ $slice: n }</c> or <c>{ $slice: [skip, n] }</c>.</summary>
    Slice,
    /// <summary><c>{ $elemMatch: query }</c>: the first matching element, as a one-element array.</summary>
    ElemMatch,
    /// <summary><c>{ $meta: "textScore" }</c>.</summary>
    TextScore,
}

/// <summary>One field of a parsed projection, with its children in specification order. [Immutable after parsing - ThreadSafe]</summary>
internal sealed class ProjectionNode
{
    private readonly List<(string Name, ProjectionNode Node)> _ordered = [];
    private readonly Dictionary<string, ProjectionNode> _byName = new(StringComparer.Ordinal);

    public ProjectionNode(ProjectionAction action) => Action = action;

    public ProjectionAction Action { get; }

    public Expr? Expression { get; init; }

    /// <summary>Elements to skip (negative: from the end) in the <c>[skip, limit]</c> form; null in the single-number form.</summary>
    public int? SliceSkip { get; init; }

    public int SliceLimit { get; init; }

    public Filter? ElemMatch { get; init; }

    public IReadOnlyList<(string Name, ProjectionNode Node)> Children => _ordered;

    /// <summary>True when this node or a descendant computes a value (such fields are added even when absent from the input).</summary>
    public bool HasComputedFields { get; private set; }

    public ProjectionNode? Get(string name) => _byName.GetValueOrDefault(name);

    public void Add(string name, ProjectionNode child)
    {
        _byName.Add(name, child);
        _ordered.Add((name, child));
        if (child.HasComputedFields || child.Action is ProjectionAction.Expression) HasComputedFields = true;
    }

    /// <summary>Recomputes <see cref="HasComputedFields"/> after children were added below a child.</summary>
    public void RefreshComputed()
    {
        foreach (var (_, child) in _ordered)
        {
            child.RefreshComputed();
            if (child.HasComputedFields || child.Action is ProjectionAction.Expression) HasComputedFields = true;
        }
    }

    public BsonArray ApplySlice(BsonArray array)
    {
        int start;
        int count;
        if (SliceSkip is not { } skip)
        {
            // Single-number form: a positive limit takes from the front, a negative one from the back.
            if (SliceLimit >= 0)
            {
                start = 0;
                count = Math.Min(SliceLimit, array.Count);
            }
            else
            {
                count = (int)Math.Min(-(long)SliceLimit, array.Count);
                start = array.Count - count;
            }
        }
        else
        {
            start = skip >= 0 ? Math.Min(skip, array.Count) : (int)Math.Max(0, array.Count + (long)skip);
            count = (int)Math.Min(SliceLimit, (long)array.Count - start);
        }
        var result = new BsonArray(count);
        for (var i = 0; i < count; i++) result.Add(array[start + i]);
        return result;
    }
}
