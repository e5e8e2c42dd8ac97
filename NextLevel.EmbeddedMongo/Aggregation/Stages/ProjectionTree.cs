using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

internal enum ProjectionAction { Include, Exclude, Compute, Nested }

/// <summary>
/// The field tree of $project, $addFields and $unset: dotted names become nested nodes, in spec order.
/// [Immutable after parsing - ThreadSafe]
/// </summary>
internal sealed class ProjectionTree
{
    private readonly List<(string Name, ProjectionAction Action, Expr? Expr, ProjectionTree? Child)> _fields = [];

    public IReadOnlyList<(string Name, ProjectionAction Action, Expr? Expr, ProjectionTree? Child)> Fields => _fields;

    public bool Contains(string name) => _fields.Any(f => f.Name == name);

    public bool HasComputed => _fields.Any(f => f.Action == ProjectionAction.Compute || (f.Child?.HasComputed ?? false));

    /// <summary>Adds a leaf at a dotted path, creating nested nodes; a path that overlaps another one is a collision.</summary>
    public void Add(string dottedPath, ProjectionAction action, Expr? expr, string stage)
    {
        var parts = dottedPath.Split('.');
        var node = this;
        for (var i = 0; i < parts.Length; i++)
        {
            ValidateFieldName(parts[i], stage);
            var existing = node._fields.FindIndex(f => f.Name == parts[i]);
            if (i == parts.Length - 1)
            {
                if (existing >= 0) throw MongoError.Location(31250, $"Invalid {stage} :: caused by :: Path collision at {dottedPath}");
                node._fields.Add((parts[i], action, expr, null));
                return;
            }
            if (existing >= 0)
            {
                var field = node._fields[existing];
                if (field.Action != ProjectionAction.Nested)
                    throw MongoError.Location(31249, $"Invalid {stage} :: caused by :: Path collision at {dottedPath} remaining portion {string.Join('.', parts[(i + 1)..])}");
                node = field.Child!;
            }
            else
            {
                var child = new ProjectionTree();
                node._fields.Add((parts[i], ProjectionAction.Nested, null, child));
                node = child;
            }
        }
    }

    private static void ValidateFieldName(string name, string stage)
    {
        if (name.Length == 0) throw MongoError.Location(40352, $"Invalid {stage} :: caused by :: FieldPath cannot be constructed with empty string");
        if (name[0] == '$') throw MongoError.Location(16410, $"Invalid {stage} :: caused by :: FieldPath field names may not start with '$'. Consider using $getField or $setField.");
    }

    /// <summary>Inclusion: keeps listed fields in input order, then sets computed fields in spec order.</summary>
    public BsonDocument ApplyInclusion(BsonDocument input, ExprContext context)
    {
        var result = new BsonDocument();
        foreach (var element in input)
        {
            var index = _fields.FindIndex(f => f.Name == element.Name);
            if (index < 0) continue;
            var field = _fields[index];
            if (field.Action == ProjectionAction.Include)
            {
                result.Add(element.Name, element.Value);
            }
            else if (field.Action == ProjectionAction.Nested)
            {
                var projected = ProjectNestedInclusion(element.Value, field.Child!, context);
                if (projected is not null) result.Add(element.Name, projected);
            }
        }
        foreach (var (name, action, expr, child) in _fields)
        {
            if (action == ProjectionAction.Compute)
            {
                var value = expr!.Evaluate(context);
                if (value is null) result.Remove(name);
                else result[name] = value;
            }
            else if (action == ProjectionAction.Nested && child!.HasComputed && !result.Contains(name))
            {
                result[name] = child.ApplyInclusion(new BsonDocument(), context);
            }
        }
        return result;
    }

    private static BsonValue? ProjectNestedInclusion(BsonValue value, ProjectionTree child, ExprContext context) => value switch
    {
        BsonDocument document => child.ApplyInclusion(document, context),
        BsonArray array => new BsonArray(array.Select(item => ProjectNestedInclusion(item, child, context)).OfType<BsonValue>()),
        _ => null,
    };

    /// <summary>Exclusion: removes listed fields, descending into embedded documents and arrays of them.</summary>
    public BsonDocument ApplyExclusion(BsonDocument input)
    {
        var result = new BsonDocument();
        foreach (var element in input)
        {
            var index = _fields.FindIndex(f => f.Name == element.Name);
            if (index < 0)
            {
                result.Add(element);
                continue;
            }
            var field = _fields[index];
            if (field.Action == ProjectionAction.Nested) result.Add(element.Name, ExcludeNested(element.Value, field.Child!));
            else if (field.Action != ProjectionAction.Exclude) result.Add(element);
        }
        return result;
    }

    private static BsonValue ExcludeNested(BsonValue value, ProjectionTree child) => value switch
    {
        BsonDocument document => child.ApplyExclusion(document),
        BsonArray array => new BsonArray(array.Select(item => ExcludeNested(item, child))),
        _ => value,
    };

    /// <summary>
    /// $addFields: sets computed fields into a copy of the document (evaluated against the original),
    /// merging into embedded documents; a missing result ($$REMOVE) removes the field.
    /// </summary>
    public BsonDocument ApplyAddFields(BsonDocument input, ExprContext context)
    {
        var result = new BsonDocument(input.Elements);
        foreach (var (name, action, expr, child) in _fields)
        {
            if (action == ProjectionAction.Compute)
            {
                var value = expr!.Evaluate(context);
                if (value is null) result.Remove(name);
                else result[name] = value;
            }
            else if (action == ProjectionAction.Nested)
            {
                result[name] = result.TryGetValue(name, out var existing) ? AddNested(existing, child!, context) : child!.ApplyAddFields(new BsonDocument(), context);
            }
        }
        return result;
    }

    private static BsonValue AddNested(BsonValue value, ProjectionTree child, ExprContext context) => value switch
    {
        BsonDocument document => child.ApplyAddFields(document, context),
        BsonArray array => new BsonArray(array.Select(item => AddNested(item, child, context))),
        _ => child.ApplyAddFields(new BsonDocument(), context),
    };
}
