using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Query.Projections;

/// <summary>
/// Parses a find projection into a <see cref="ProjectionNode"/> tree and decides whether it is an inclusion or an
/// exclusion projection, rejecting mixtures with MongoDB's error codes. [Transient - NotThreadSafe]
/// </summary>
internal sealed class ProjectionParser(FilterOptions options)
{
    private enum ProjectionType { Inclusion, Exclusion }

    private ProjectionType? _type;
    private bool _hasSlice;
    private bool _hasElemMatch;

    public ProjectionNode Root { get; } = new(ProjectionAction.Nested);

    /// <summary>The value of a top-level <c>_id</c> flag, when given.</summary>
    public bool? IdFlag { get; private set; }

    public string? PositionalPath { get; private set; }

    /// <summary>Inclusion or exclusion, decided as find does when nothing is explicit: $slice alone means exclusion,
    /// $elemMatch alone inclusion, $meta alone exclusion.</summary>
    public bool IsInclusion => _type is null ? !_hasSlice && _hasElemMatch : _type == ProjectionType.Inclusion;

    public void Parse(BsonDocument spec)
    {
        ParseLevel(spec, "");
        Root.RefreshComputed();
    }

    private void ParseLevel(BsonDocument spec, string prefix)
    {
        foreach (var element in spec)
        {
            var path = prefix.Length == 0 ? element.Name : prefix + "." + element.Name;
            ParseField(path, element.Value, nested: prefix.Length > 0);
        }
    }

    private void ParseField(string path, BsonValue value, bool nested)
    {
        var positional = path.EndsWith(".$", StringComparison.Ordinal);
        ValidatePath(positional ? path[..^2] : path);

        switch (value)
        {
            case BsonDocument when positional:
                throw MongoError.Location(31271, "positional projection cannot be used with an expression");
            case BsonBoolean or BsonInt32 or BsonInt64 or BsonDouble or BsonDecimal128 when positional:
                if (!value.ToBoolean()) throw MongoError.Location(16410, "FieldPath field names may not start with '$'. Consider using $getField or $setField.");
                ParsePositional(path);
                return;
            case BsonBoolean or BsonInt32 or BsonInt64 or BsonDouble or BsonDecimal128:
                if (path == "_id") IdFlag = value.ToBoolean();
                if (value.ToBoolean())
                {
                    MarkInclusion(path);
                    AddAtPath(path, new ProjectionNode(ProjectionAction.Include));
                }
                else
                {
                    if (path != "_id") MarkExclusion(path);
                    AddAtPath(path, new ProjectionNode(ProjectionAction.Exclude));
                }
                return;
            case BsonDocument { ElementCount: 0 }:
                throw MongoError.Location(51270, $"An empty sub-projection is not a valid value. Found empty object at path {path}");
            case BsonDocument document when document.GetElement(0).Name.StartsWith('$'):
                ParseOperator(path, document, nested);
                return;
            case BsonDocument subProjection:
                ParseLevel(subProjection, path);
                return;
            default:
                // Strings ("$field" paths or literals), arrays, null and other values are computed fields.
                AddExpression(path, value);
                return;
        }
    }

    private void ParsePositional(string path)
    {
        if (PositionalPath is not null) throw MongoError.Location(31276, "Cannot specify more than one positional projection per query.");
        if (_hasElemMatch) throw MongoError.Location(31256, "Cannot specify positional operator and $elemMatch.");
        var fieldPath = path[..^2];
        PositionalPath = fieldPath;
        MarkInclusion(path);
        AddAtPath(fieldPath, new ProjectionNode(ProjectionAction.Include));
    }

    private void ParseOperator(string path, BsonDocument document, bool nested)
    {
        var name = document.GetElement(0).Name;
        switch (name)
        {
            case "$slice":
                AddAtPath(path, ParseSlice(document[0]));
                _hasSlice = true;
                return;
            case "$elemMatch":
                if (document[0] is not BsonDocument query)
                {
                    throw MongoError.Location(31274, $"elemMatch: Invalid argument, object required, but got {document[0].BsonType}");
                }
                if (PositionalPath is not null) throw MongoError.Location(31255, "Cannot specify positional operator and $elemMatch.");
                if (nested || path.Contains('.', StringComparison.Ordinal))
                {
                    throw MongoError.Location(31275, "Cannot use $elemMatch projection on a nested field.");
                }
                // Evaluated as the filter { field: { $elemMatch: query } } so both the query and the operator forms work,
                // and the matched element is the position that filter reports.
                var filter = Filter.Parse(new BsonDocument(path, new BsonDocument("$elemMatch", query)), options);
                AddAtPath(path, new ProjectionNode(ProjectionAction.ElemMatch) { ElemMatch = filter });
                _hasElemMatch = true;
                return;
            case "$meta":
                AddAtPath(path, ParseMeta(document[0]));
                return;
            default:
                AddExpression(path, document);
                return;
        }
    }

    private void AddExpression(string path, BsonValue spec)
    {
        if (_type == ProjectionType.Exclusion) throw MongoError.Location(31252, "Cannot use expression other than $meta in exclusion projection");
        _type = ProjectionType.Inclusion;
        AddAtPath(path, new ProjectionNode(ProjectionAction.Expression) { Expression = Expr.Parse(spec) });
    }

    private static ProjectionNode ParseMeta(BsonValue kind)
    {
        if (kind == "textScore") return new ProjectionNode(ProjectionAction.TextScore);
        if (kind.IsString && kind.AsString is "searchScore" or "searchHighlights" or "indexKey" or "recordId" or "sortKey"
            or "geoNearDistance" or "geoNearPoint" or "searchScoreDetails" or "randVal")
        {
            throw new MongoError(ErrorCode.NotImplemented, $"$meta: \"{kind.AsString}\" is not supported by this server");
        }
        throw MongoError.Location(17308, $"Unsupported argument to $meta: {kind}");
    }

    private static ProjectionNode ParseSlice(BsonValue argument)
    {
        switch (argument)
        {
            case BsonInt32 or BsonInt64 or BsonDouble or BsonDecimal128:
                return new ProjectionNode(ProjectionAction.Slice) { SliceLimit = ToInt(argument) };
            case BsonArray array:
                if (array.Count != 2) throw MongoError.Location(31272, "$slice array argument should be of form [skip, limit]");
                if (!array[0].IsNumeric) throw MongoError.Location(31257, $"$slice expects the skip argument to be a number, got {array[0].BsonType}");
                if (!array[1].IsNumeric) throw MongoError.Location(31258, $"$slice expects the limit argument to be a number, got {array[1].BsonType}");
                var limit = ToInt(array[1]);
                if (limit <= 0) throw MongoError.Location(31259, $"$slice limit must be positive, got {limit}");
                return new ProjectionNode(ProjectionAction.Slice) { SliceSkip = ToInt(array[0]), SliceLimit = limit };
            default:
                throw MongoError.Location(31273, "$slice only supports numbers and [skip, limit] arrays");
        }
    }

    private static int ToInt(BsonValue number)
    {
        var d = number.ToDouble();
        return double.IsNaN(d) ? 0 : d >= int.MaxValue ? int.MaxValue : d <= int.MinValue ? int.MinValue : (int)d;
    }

    private static void ValidatePath(string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (part.Length == 0) throw MongoError.Location(15998, "FieldPath field names may not be empty strings.");
            if (part.StartsWith('$')) throw MongoError.Location(16410, "FieldPath field names may not start with '$'. Consider using $getField or $setField.");
        }
    }

    private void MarkInclusion(string path)
    {
        if (_type == ProjectionType.Exclusion) throw MongoError.Location(31253, $"Cannot do inclusion on field {path} in exclusion projection");
        _type = ProjectionType.Inclusion;
    }

    private void MarkExclusion(string path)
    {
        if (_type == ProjectionType.Inclusion) throw MongoError.Location(31254, $"Cannot do exclusion on field {path} in inclusion projection");
        _type = ProjectionType.Exclusion;
    }

    private void AddAtPath(string path, ProjectionNode leaf)
    {
        var parts = path.Split('.');
        var node = Root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var child = node.Get(parts[i]);
            if (child is null)
            {
                child = new ProjectionNode(ProjectionAction.Nested);
                node.Add(parts[i], child);
            }
            else if (child.Action != ProjectionAction.Nested)
            {
                throw MongoError.Location(31249, $"Path collision at {path} remaining portion {string.Join('.', parts[1..])}");
            }
            node = child;
        }
        if (node.Get(parts[^1]) is not null) throw MongoError.Location(31250, $"Path collision at {path}");
        node.Add(parts[^1], leaf);
    }
}
