using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Engine.Queries;

/// <summary>Reads the values of a dotted path such as "contactAttempts.outcome", descending into arrays as queries do.</summary>
internal static class FieldValues
{
    /// <summary>Every value the path reaches; an array reached at the end is returned as one value.</summary>
    public static IEnumerable<BsonValue> Of(BsonDocument document, string path)
    {
        var parts = path.Split('.');
        var found = new List<BsonValue>();
        Collect(document, parts, 0, found);
        return found;
    }

    private static void Collect(BsonValue current, string[] parts, int position, List<BsonValue> found)
    {
        if (position == parts.Length)
        {
            found.Add(current);
            return;
        }
        var part = parts[position];
        if (current is BsonDocument document)
        {
            if (document.TryGetValue(part, out var value)) Collect(value, parts, position + 1, found);
            return;
        }
        if (current is BsonArray array)
        {
            if (int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                if (index < array.Count) Collect(array[index], parts, position + 1, found);
                return;
            }
            foreach (var element in array)
            {
                if (element is BsonDocument) Collect(element, parts, position, found);
            }
        }
    }
}
