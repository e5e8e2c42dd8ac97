using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Query.Text;

/// <summary>
/// A parsed <c>$text</c> query: <c>{ $search: "garden -pool \"sea view\"", $language, $caseSensitive, $diacriticSensitive }</c>.
/// Words match any of them; phrases must all be present; negated words and phrases exclude.
/// </summary>
internal sealed class TextSearchQuery
{
    private TextSearchQuery(TextTokenizer tokenizer, string[] terms, string[] negatedTerms, string[] phrases, string[] negatedPhrases)
    {
        Tokenizer = tokenizer;
        Terms = terms;
        NegatedTerms = negatedTerms;
        Phrases = phrases;
        NegatedPhrases = negatedPhrases;
    }

    public TextTokenizer Tokenizer { get; }

    /// <summary>Normalized (folded, stemmed) positive words without stop words.</summary>
    public string[] Terms { get; }

    public string[] NegatedTerms { get; }

    /// <summary>Phrases as typed (folded unless case/diacritic sensitive), matched as substrings.</summary>
    public string[] Phrases { get; }

    public string[] NegatedPhrases { get; }

    public static TextSearchQuery Parse(BsonDocument spec)
    {
        string? search = null;
        var language = "english";
        var caseSensitive = false;
        var diacriticSensitive = false;
        foreach (var element in spec)
        {
            switch (element.Name)
            {
                case "$search":
                    if (!element.Value.IsString) throw MongoError.TypeMismatch("$search requires a string value");
                    search = element.Value.AsString;
                    break;
                case "$language":
                    if (!element.Value.IsString) throw MongoError.TypeMismatch("$language requires a string value");
                    language = element.Value.AsString;
                    break;
                case "$caseSensitive":
                    if (!element.Value.IsBoolean) throw MongoError.TypeMismatch("$caseSensitive requires a boolean value");
                    caseSensitive = element.Value.AsBoolean;
                    break;
                case "$diacriticSensitive":
                    if (!element.Value.IsBoolean) throw MongoError.TypeMismatch("$diacriticSensitive requires a boolean value");
                    diacriticSensitive = element.Value.AsBoolean;
                    break;
                default:
                    throw MongoError.BadValue($"Unexpected field {element.Name} in $text");
            }
        }
        if (search is null) throw MongoError.FailedToParse("$text requires a $search field");

        var tokenizer = new TextTokenizer(language, caseSensitive, diacriticSensitive);
        var terms = new List<string>();
        var negatedTerms = new List<string>();
        var phrases = new List<string>();
        var negatedPhrases = new List<string>();
        SplitSearch(search, tokenizer, terms, negatedTerms, phrases, negatedPhrases);
        return new TextSearchQuery(tokenizer, [.. terms.Distinct()], [.. negatedTerms.Distinct()], [.. phrases], [.. negatedPhrases]);
    }

    private static void SplitSearch(string search, TextTokenizer tokenizer, List<string> terms, List<string> negatedTerms,
        List<string> phrases, List<string> negatedPhrases)
    {
        var i = 0;
        while (i < search.Length)
        {
            var negated = search[i] == '-' && (i == 0 || char.IsWhiteSpace(search[i - 1]));
            var start = negated ? i + 1 : i;
            if (start < search.Length && search[start] == '"')
            {
                var end = search.IndexOf('"', start + 1);
                if (end < 0) end = search.Length;
                var phrase = tokenizer.Fold(search[(start + 1)..end]);
                if (phrase.Length > 0) (negated ? negatedPhrases : phrases).Add(phrase);
                i = end + 1;
                continue;
            }

            var wordEnd = start;
            while (wordEnd < search.Length && !char.IsWhiteSpace(search[wordEnd]) && search[wordEnd] != '"') wordEnd++;
            if (wordEnd == start)
            {
                i = start + 1;
                continue;
            }
            foreach (var token in tokenizer.Tokenize(search[start..wordEnd]))
            {
                (negated ? negatedTerms : terms).Add(token);
            }
            i = wordEnd;
        }
    }

    /// <summary>Scores one document's text (the string values of each indexed field with its weight); 0 when it does not match.</summary>
    public double Score(IReadOnlyList<(string Text, int Weight)> fields)
    {
        var folded = new string[fields.Count];
        for (var f = 0; f < fields.Count; f++) folded[f] = Tokenizer.Fold(fields[f].Text);

        foreach (var phrase in NegatedPhrases)
        {
            if (folded.Any(text => text.Contains(phrase, StringComparison.Ordinal))) return 0;
        }
        foreach (var phrase in Phrases)
        {
            if (!folded.Any(text => text.Contains(phrase, StringComparison.Ordinal))) return 0;
        }

        var termSet = new HashSet<string>(Terms, StringComparer.Ordinal);
        var negatedSet = new HashSet<string>(NegatedTerms, StringComparer.Ordinal);
        double score = 0;
        var anyTerm = false;
        for (var f = 0; f < fields.Count; f++)
        {
            var tokens = Tokenizer.Tokenize(fields[f].Text);
            if (tokens.Count == 0) continue;
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var token in tokens)
            {
                if (negatedSet.Contains(token)) return 0;
                if (termSet.Contains(token)) counts[token] = counts.GetValueOrDefault(token) + 1;
            }
            foreach (var (_, count) in counts)
            {
                anyTerm = true;
                // Like MongoDB: repeated terms add with diminishing weight, normalized by the field's length.
                score += fields[f].Weight * (0.5 + (0.5 * count / tokens.Count));
            }
        }

        if (Phrases.Length > 0) return Math.Max(score, 1.0 * Phrases.Length);
        return anyTerm ? score : 0;
    }
}
