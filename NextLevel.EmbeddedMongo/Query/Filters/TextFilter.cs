using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Query.Text;

namespace NextLevel.EmbeddedMongo.Query.Filters;

/// <summary>
/// <c>$text</c>: matches the string values of the text index's fields (the wildcard <c>$**</c> means every string
/// in the document) and records the relevance score in <see cref="MatchDetails.TextScore"/>.
/// </summary>
internal sealed class TextFilter : Filter
{
    private readonly TextSearchQuery _query;
    private readonly (DocumentPath? Path, int Weight)[] _fields;

    public TextFilter(TextSearchQuery query, IReadOnlyDictionary<string, int> indexFields)
    {
        _query = query;
        _fields = [.. indexFields.Select(f => (f.Key == "$**" ? null : DocumentPath.Parse(f.Key), f.Value))];
    }

    public override bool Matches(BsonDocument document, MatchDetails? details = null)
    {
        var texts = new List<(string Text, int Weight)>();
        foreach (var (path, weight) in _fields)
        {
            if (path is null)
            {
                CollectAllStrings(document, weight, texts);
                continue;
            }
            foreach (var candidate in path.EnumerateCandidates(document, expandLeafArrays: true))
            {
                if (candidate is BsonString s) texts.Add((s.Value, weight));
            }
        }

        var score = _query.Score(texts);
        if (score <= 0) return false;
        if (details is not null) details.TextScore = score;
        return true;
    }

    private static void CollectAllStrings(BsonValue value, int weight, List<(string Text, int Weight)> texts)
    {
        switch (value)
        {
            case BsonString s:
                texts.Add((s.Value, weight));
                break;
            case BsonDocument document:
                foreach (var element in document) CollectAllStrings(element.Value, weight, texts);
                break;
            case BsonArray array:
                foreach (var item in array) CollectAllStrings(item, weight, texts);
                break;
        }
    }
}
