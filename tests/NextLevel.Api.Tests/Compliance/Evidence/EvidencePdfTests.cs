using NextLevel.Api.Compliance.Evidence;
using NextLevel.Domain.Compliance.Evidence;

namespace NextLevel.Api.Tests.Compliance.Evidence;

public sealed class EvidencePdfTests
{
    private static readonly DateTime At = new(2026, 3, 2, 17, 0, 0, DateTimeKind.Utc);

    private static EvidencePackage Package(string consentText, int attempts) => new(
        new EvidenceSubject(EvidenceSubject.LeadKind, "65f1c0ffee0000000000abcd", ["+12065550100"]),
        At,
        [],
        [new EvidenceConsent("c1", "65f1c0ffee0000000000abcd", "+12065550100", At, "web_form", "https://example.com/" + new string('x', 400), consentText, true, true, [], At.AddDays(365), "203.0.113.7", "Mozilla/5.0", null, "intake", "intake")],
        [],
        [],
        [],
        [],
        [.. Enumerable.Range(0, attempts).Select(i => new EvidenceAttempt("65f1c0ffee0000000000abcd", "a" + i, At.AddMinutes(i), "automated_call", "no_answer", "initial:" + i, null,
            true, true, [], "c1", At, "America/Los_Angeles", "2026-03-02T09:00:00-08:00", "08:00-21:00 callee-local (federal)", false, At, At.AddDays(-1), 1, null, null, null))],
        [],
        [],
        new EvidenceLedger([], new EvidenceLedgerVerification(true, true, 1, 1, 0, null, null, null, null, "Valid: test")),
        []);

    [Fact]
    public void Text_outside_latin_1_and_unbreakable_words_still_give_a_readable_pdf()
    {
        using var output = new MemoryStream();

        EvidencePdf.Write(Package("Acepto — sí ✓ 同意 😀 " + new string('y', 300), attempts: 1), output);

        var (pages, text) = PdfText.Read(output.ToArray());
        Assert.InRange(pages, 1, 3);
        Assert.Contains("203.0.113.7", string.Join("\n", text), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_history_flows_over_as_many_pages_as_it_needs()
    {
        using var output = new MemoryStream();

        EvidencePdf.Write(Package("I agree that Next Level Real Estate may call me.", attempts: 120), output);

        var (pages, text) = PdfText.Read(output.ToArray());
        Assert.True(pages > 5, $"{pages} pages");
        Assert.Contains("a119", text[^1], StringComparison.Ordinal);
        Assert.All(text.Select((t, i) => (t, i)), p => Assert.Contains($"page {p.i + 1} of {pages}", p.t, StringComparison.Ordinal));
    }
}
