using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Update.Paths;
using NextLevel.EmbeddedMongo.Update.Values;

namespace NextLevel.EmbeddedMongo.Update.Tree;

/// <summary>Creates missing path components: nested documents for field names, null padding for array indexes.</summary>
internal static class PathCreation
{
    /// <summary>The server refuses to pad an array by more than this many nulls.</summary>
    private const int MaxPadding = 1_500_000;

    public static void Create(NodeTarget target, BsonValue value)
    {
        var parts = target.ToCreate;
        switch (target.Element)
        {
            case BsonDocument document:
                document.Add(parts[0], Nest(parts, 1, value));
                break;
            case BsonArray array when UpdatePath.TryParseIndex(parts[0], out var index):
                if (index - array.Count > MaxPadding)
                {
                    throw new MongoError(10, "CannotBackfillArray", $"can't backfill more than {MaxPadding} elements");
                }
                while (array.Count < index) array.Add(BsonNull.Value);
                array.Add(Nest(parts, 1, value));
                break;
            default:
                throw new MongoError(ErrorCode.PathNotViable,
                    $"Cannot create field '{parts[0]}' in element {{{BsonDisplay.Element(target.ElementName, target.Element)}}}");
        }
    }

    /// <summary>Throws PathNotViable when the missing path could not be created even if an operator wanted to.</summary>
    public static void EnsureViable(NodeTarget target)
    {
        var first = target.ToCreate[0];
        if (target.Element is BsonDocument) return;
        if (target.Element is BsonArray && UpdatePath.TryParseIndex(first, out _)) return;
        throw new MongoError(ErrorCode.PathNotViable,
            $"Cannot use the part ({first}) of ({target.FullPath}) to traverse the element ({{{BsonDisplay.Element(target.ElementName, target.Element)}}})");
    }

    private static BsonValue Nest(IReadOnlyList<string> parts, int from, BsonValue value)
    {
        var result = value;
        for (var i = parts.Count - 1; i >= from; i--) result = new BsonDocument(parts[i], result);
        return result;
    }
}
