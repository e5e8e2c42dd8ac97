using System.Text.RegularExpressions;

namespace NextLevel.Domain.Compliance;

/// <summary>
/// Recognises a request to stop being contacted. A text counts when its first word is one of the revocation words
/// (stop, stopall, quit, end, revoke, opt out / opt-out / optout, cancel, unsubscribe), case-insensitive, alone or
/// leading (FCC 24-24). Speech in a call transcript counts when a turn of the called person is such a reply or asks
/// in plain words not to be called or texted ("stop calling me", "take me off your list", "do not call me again").
/// </summary>
public static partial class RevocationLanguage
{
    /// <summary>Whether an inbound text is a revocation.</summary>
    public static bool IsRevocationText(string? body) => body is not null && LeadingWord().IsMatch(body);

    /// <summary>The first utterance that asks to stop contact, or null.</summary>
    public static string? FindSpokenRevocation(IEnumerable<string?> calleeUtterances)
    {
        ArgumentNullException.ThrowIfNull(calleeUtterances);
        return calleeUtterances.FirstOrDefault(u => u is not null && (LeadingWord().IsMatch(u) || SpokenRequest().IsMatch(u)));
    }

    [GeneratedRegex(@"^[\s\p{P}]*(stop|stopall|quit|end|revoke|opt[\s\-]?out|cancel|unsubscribe)(?![\p{L}\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingWord();

    [GeneratedRegex(
        @"\b(stop|quit)\s+(calling|texting|contacting|messaging)\b" +
        @"|\b(do\s+not|don'?t|never)\s+(call|text|contact|message)\s+(me|us|this\s+number|my\s+(number|phone))\b" +
        @"|\b(take|remove|delete|put)\s+(me|my\s+(number|phone(\s+number)?)|this\s+number)\s+(off|from|on)\s+(your|the|this)\s+(\w+\s+){0,3}(list|lists|database|registry)\b" +
        @"|\bdo[\s\-]not[\s\-]call\s+list\b" +
        @"|\b(unsubscribe|opt\s*-?\s*out|revoke\s+(my\s+)?consent)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpokenRequest();
}
