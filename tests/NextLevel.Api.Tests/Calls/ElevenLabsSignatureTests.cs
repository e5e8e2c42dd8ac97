using System.Text;
using NextLevel.Domain.Integrations;

namespace NextLevel.Api.Tests.Calls;

public class ElevenLabsSignatureTests
{
    // elevenlabs-python tests/test_webhooks.py test_construct_event_mocked_time: secret, timestamp and body as the SDK uses them.
    private static readonly byte[] SdkBody = Encoding.UTF8.GetBytes("""{"event_type": "speech.completed", "id": "123456"}""");
    private const string SdkHeader = "t=1600000000,v0=f8a0d1dc33ee963cb54d2f31514555995e93313c9d2042c030adbb82b87fae13";
    private static readonly DateTimeOffset SdkNow = DateTimeOffset.FromUnixTimeSeconds(1600000000);

    [Fact]
    public void The_sdk_test_vector_is_reproduced_and_accepted()
    {
        Assert.Equal(SdkHeader, ElevenLabsSignature.Create("test_secret", 1600000000, SdkBody));
        Assert.Equal(ElevenLabsSignatureStatus.Valid, ElevenLabsSignature.Verify(SdkHeader, SdkBody, "test_secret", SdkNow));
    }

    [Fact]
    public void A_timestamp_older_than_thirty_minutes_is_stale_and_a_later_one_passes()
    {
        Assert.Equal(ElevenLabsSignatureStatus.Stale, ElevenLabsSignature.Verify(SdkHeader, SdkBody, "test_secret", SdkNow.AddMinutes(31)));
        Assert.Equal(ElevenLabsSignatureStatus.Valid, ElevenLabsSignature.Verify(SdkHeader, SdkBody, "test_secret", SdkNow.AddMinutes(30)));
        Assert.Equal(ElevenLabsSignatureStatus.Valid, ElevenLabsSignature.Verify(SdkHeader, SdkBody, "test_secret", SdkNow.AddMinutes(-5)));
    }

    [Theory]
    [InlineData("t=1600000000,v0=invalid_signature", ElevenLabsSignatureStatus.Malformed)]
    [InlineData("v0=f8a0d1dc33ee963cb54d2f31514555995e93313c9d2042c030adbb82b87fae13", ElevenLabsSignatureStatus.Malformed)]
    [InlineData("t=-1600000000,v0=f8a0d1dc33ee963cb54d2f31514555995e93313c9d2042c030adbb82b87fae13", ElevenLabsSignatureStatus.Malformed)]
    [InlineData("t=1600000000,v0=08a0d1dc33ee963cb54d2f31514555995e93313c9d2042c030adbb82b87fae13", ElevenLabsSignatureStatus.Mismatch)]
    [InlineData("", ElevenLabsSignatureStatus.Missing)]
    [InlineData(null, ElevenLabsSignatureStatus.Missing)]
    public void Forged_malformed_and_missing_headers_are_refused(string? header, ElevenLabsSignatureStatus expected)
    {
        Assert.Equal(expected, ElevenLabsSignature.Verify(header, SdkBody, "test_secret", SdkNow));
    }

    [Fact]
    public void Another_secret_or_a_changed_body_does_not_match()
    {
        Assert.Equal(ElevenLabsSignatureStatus.Mismatch, ElevenLabsSignature.Verify(SdkHeader, SdkBody, "other_secret", SdkNow));
        Assert.Equal(ElevenLabsSignatureStatus.Mismatch, ElevenLabsSignature.Verify(SdkHeader, Encoding.UTF8.GetBytes("""{"event_type":"speech.completed","id":"123456"}"""), "test_secret", SdkNow));
    }

    [Fact]
    public void Element_order_in_the_header_does_not_matter()
    {
        Assert.Equal(ElevenLabsSignatureStatus.Valid, ElevenLabsSignature.Verify(
            "v0=f8a0d1dc33ee963cb54d2f31514555995e93313c9d2042c030adbb82b87fae13, t=1600000000", SdkBody, "test_secret", SdkNow));
    }
}
