namespace NextLevel.EmbeddedMongo.Query.Text;

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
