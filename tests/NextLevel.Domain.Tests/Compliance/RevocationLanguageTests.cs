using NextLevel.Domain.Compliance;

namespace NextLevel.Domain.Tests.Compliance;

public sealed class RevocationLanguageTests
{
    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData("  Stop.")]
    [InlineData("Stop texting me")]
    [InlineData("QUIT")]
    [InlineData("end")]
    [InlineData("Revoke")]
    [InlineData("opt out")]
    [InlineData("Opt-Out please")]
    [InlineData("OPTOUT")]
    [InlineData("cancel")]
    [InlineData("Unsubscribe!")]
    [InlineData("STOPALL")]
    [InlineData("\"stop\"")]
    public void Revocation_words_alone_or_leading_revoke(string body) => Assert.True(RevocationLanguage.IsRevocationText(body));

    [Theory]
    [InlineData("")]
    [InlineData("Yes, call me tomorrow")]
    [InlineData("Stopping by the house at noon")]
    [InlineData("Endless questions, but sure")]
    [InlineData("Cancellation fees?")]
    [InlineData("Please don't stop")]
    [InlineData("START")]
    public void Other_texts_do_not_revoke(string body) => Assert.False(RevocationLanguage.IsRevocationText(body));

    [Theory]
    [InlineData("Please stop calling me.")]
    [InlineData("Don't call me again")]
    [InlineData("do not call this number")]
    [InlineData("Take me off your call list")]
    [InlineData("Remove my number from your list, thanks")]
    [InlineData("put me on your do not call list")]
    [InlineData("Stop.")]
    [InlineData("I want to opt out")]
    public void Spoken_requests_in_a_transcript_are_found(string utterance) =>
        Assert.Equal(utterance, RevocationLanguage.FindSpokenRevocation(["Hello?", utterance, "Bye"]));

    [Fact]
    public void Ordinary_conversation_is_not_a_revocation() =>
        Assert.Null(RevocationLanguage.FindSpokenRevocation(["Hi, yes this is John", "I might sell next year", "Call me back Tuesday", null, "Not interested in repairs"]));
}
