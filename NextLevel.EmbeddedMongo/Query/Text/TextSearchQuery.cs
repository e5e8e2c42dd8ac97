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

/// <summary>Splits text into normalized words: case and diacritics folded unless requested, English stop words dropped,
/// plural suffixes stemmed. The language "none" disables stop words and stemming.</summary>
internal sealed class TextTokenizer(string language, bool caseSensitive, bool diacriticSensitive)
{
    private static readonly HashSet<string> EnglishStopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "below", "between", "both", "but", "by", "could", "did", "do", "does",
        "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he",
        "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "itself", "me", "more", "most", "my", "myself", "no", "nor", "not", "of", "off", "on", "once", "only", "or",
        "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some",
        "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
        "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when",
        "where", "which", "while", "who", "whom", "why", "with", "would", "you", "your", "yours", "yourself", "yourselves",
    };

    private readonly bool _stem = language is "english" or "en";

    public string Fold(string text)
    {
        var result = caseSensitive ? text : text.ToLowerInvariant();
        return diacriticSensitive ? result : RemoveDiacritics(result);
    }

    public List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWordChar = i < folded.Length && (char.IsLetterOrDigit(folded[i]) || folded[i] == '\'');
            if (isWordChar)
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0)
            {
                AddToken(folded[start..i], tokens);
                start = -1;
            }
        }
        return tokens;
    }

    private void AddToken(string word, List<string> tokens)
    {
        word = word.Trim('\'');
        if (word.Length == 0) return;
        if (_stem)
        {
            if (EnglishStopWords.Contains(word.ToLowerInvariant())) return;
            word = StemPlural(word);
        }
        tokens.Add(word);
    }

    /// <summary>A light English plural stemmer (houses → house, cities → city), applied alike to documents and queries.</summary>
    private static string StemPlural(string word)
    {
        if (word.Length <= 3) return word;
        if (word.EndsWith("ies", StringComparison.OrdinalIgnoreCase) && word.Length > 4) return word[..^3] + (char.IsUpper(word[^1]) ? "Y" : "y");
        if (word.EndsWith("ss", StringComparison.OrdinalIgnoreCase) || word.EndsWith("us", StringComparison.OrdinalIgnoreCase)) return word;
        if (word.EndsWith('s') || word.EndsWith('S')) return word[..^1];
        return word;
    }

    // Unicode decomposition is unavailable with invariant globalization, so Latin letters with diacritics
    // (Latin-1 Supplement and Latin Extended-A, which cover Western European text) are folded by table.
    private const string AccentedLetters = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž";
    private const string BaseLetters = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZz";

    private static string RemoveDiacritics(string text)
    {
        char[]? folded = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 128) continue;
            var index = AccentedLetters.IndexOf(c, StringComparison.Ordinal);
            if (index < 0) continue;
            folded ??= text.ToCharArray();
            folded[i] = BaseLetters[index];
        }
        return folded is null ? text : new string(folded);
    }
}
