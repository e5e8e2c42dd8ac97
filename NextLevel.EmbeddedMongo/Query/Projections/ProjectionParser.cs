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
    private bool _hasInclusion;
    private bool _hasExclusion;

    public ProjectionNode Root { get; } = new(ProjectionAction.Nested);

    /// <summary>The value of a top-level <c>_id</c> flag, when given.</summary>
    public bool? IdFlag { get; private set; }

    public string? PositionalPath { get; private set; }

    public bool IsInclusion => _hasInclusion;

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
        ValidatePath(path);

        if (path.EndsWith(".$", StringComparison.Ordinal))
        {
            if (PositionalPath is not null) throw MongoError.Location(31276, "Cannot specify more than one positional projection per query.");
            if (!value.IsNumeric && !value.IsBoolean || !value.ToBoolean())
            {
                throw MongoError.Location(31395, $"positional projection on {path} must be an inclusion");
            }
            var fieldPath = path[..^2];
            PositionalPath = fieldPath;
            MarkInclusion(path);
            AddAtPath(fieldPath, new ProjectionNode(ProjectionAction.Include));
            return;
        }

        switch (value)
        {
            case BsonBoolean or BsonInt32 or BsonInt64 or BsonDouble or BsonDecimal128:
                if (path == "_id")
                {
                    IdFlag = value.ToBoolean();
                    AddAtPath(path, new ProjectionNode(IdFlag.Value ? ProjectionAction.Include : ProjectionAction.Exclude));
                    return;
                }
                if (value.ToBoolean())
                {
                    MarkInclusion(path);
                    AddAtPath(path, new ProjectionNode(ProjectionAction.Include));
                }
                else
                {
                    MarkExclusion(path);
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
                MarkInclusion(path);
                AddAtPath(path, new ProjectionNode(ProjectionAction.Expression) { Expression = Expr.Parse(value) });
                return;
        }
    }

    private void ParseOperator(string path, BsonDocument document, bool nested)
    {
        var name = document.GetElement(0).Name;
        switch (name)
        {
            case "$slice" when document.ElementCount == 1:
                AddAtPath(path, ParseSlice(document[0]));
                return;
            case "$elemMatch" when document.ElementCount == 1:
                if (path.Contains('.', StringComparison.Ordinal) || nested)
                {
                    throw MongoError.BadValue("Cannot use $elemMatch projection on a nested field.");
                }
                if (document[0] is not BsonDocument query) throw MongoError.BadValue("elemMatch: Invalid argument, object required.");
                MarkInclusion(path);
                // Evaluated as the filter { field: { $elemMatch: query } } so both the query and the operator forms work,
                // and the matched element is the position that filter reports.
                var filter = Filter.Parse(new BsonDocument(path, new BsonDocument("$elemMatch", query)), options);
                AddAtPath(path, new ProjectionNode(ProjectionAction.ElemMatch) { ElemMatch = filter });
                return;
            case "$meta" when document.ElementCount == 1:
                var kind = document[0];
                if (kind == "textScore")
                {
                    AddAtPath(path, new ProjectionNode(ProjectionAction.TextScore));
                    return;
                }
                if (kind.IsString && kind.AsString is "searchScore" or "searchHighlights" or "indexKey" or "recordId" or "sortKey"
                    or "geoNearDistance" or "geoNearPoint" or "searchScoreDetails" or "randVal")
                {
                    throw new MongoError(ErrorCode.NotImplemented, $"$meta: \"{kind.AsString}\" is not supported by this server");
                }
                throw MongoError.Location(17308, $"Unsupported argument to $meta: {kind}");
            default:
                MarkInclusion(path);
                AddAtPath(path, new ProjectionNode(ProjectionAction.Expression) { Expression = Expr.Parse(document) });
                return;
        }
    }

    private static ProjectionNode ParseSlice(BsonValue argument)
    {
        switch (argument)
        {
            case BsonInt32 or BsonInt64 or BsonDouble or BsonDecimal128:
                return new ProjectionNode(ProjectionAction.Slice) { SliceSkip = int.MinValue, SliceLimit = ToInt(argument) };
            case BsonArray { Count: 2 } pair when pair[0].IsNumeric && pair[1].IsNumeric:
                var limit = ToInt(pair[1]);
                if (limit <= 0) throw MongoError.BadValue("$slice limit must be positive");
                return new ProjectionNode(ProjectionAction.Slice) { SliceSkip = Math.Max(ToInt(pair[0]), int.MinValue + 1), SliceLimit = limit };
            default:
                throw MongoError.BadValue("$slice only supports numbers and [skip, limit] arrays");
        }
    }

    private static int ToInt(BsonValue number)
    {
        var d = number.ToDouble();
        return d >= int.MaxValue ? int.MaxValue : d <= int.MinValue ? int.MinValue : (int)d;
    }

    private static void ValidatePath(string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (part.Length == 0) throw MongoError.Location(15998, "FieldPath field names may not be empty strings.");
        }
        if (path.StartsWith('$')) throw MongoError.Location(16410, $"FieldPath field names may not start with '$'. Consider using $getField or $setField.");
    }

    private void MarkInclusion(string path)
    {
        if (_hasExclusion) throw MongoError.Location(31253, $"Cannot do inclusion on field {path} in exclusion projection");
        _hasInclusion = true;
    }

    private void MarkExclusion(string path)
    {
        if (_hasInclusion) throw MongoError.Location(31254, $"Cannot do exclusion on field {path} in inclusion projection");
        _hasExclusion = true;
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
                throw MongoError.Location(31250, $"Path collision at {path} remaining portion {string.Join('.', parts[(i + 1)..])}");
            }
            node = child;
        }
        if (node.Get(parts[^1]) is not null) throw MongoError.Location(31249, $"Path collision at {path}");
        node.Add(parts[^1], leaf);
    }
}
