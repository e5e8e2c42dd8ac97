using NextLevel.Domain.Integrations;

namespace NextLevel.Domain.Tests.Compliance;

/// <summary>The test vectors of Twilio's own SDKs (shared/domain/provider-formats.md, auth token 12345).</summary>
public sealed class TwilioSignatureTests
{
    private const string Token = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private static readonly KeyValuePair<string, string>[] Params =
    [
        new("CallSid", "CA1234567890ABCDE"), new("Caller", "+14158675309"), new("Digits", "1234"), new("From", "+14158675309"), new("To", "+18005551212"),
    ];

    [Theory]
    [InlineData(Url, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=")]
    [InlineData("http://mycompany.com:80/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=")]
    [InlineData("https://mycompany.com:1234/myapp.php?foo=1&bar=2", "CYn1h0gLBdNxDGkKJg6hYohgeD8=")]
    [InlineData("http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=")]
    [InlineData("https://MyCompany.com/myapp.php?foo=1&bar=2", "g9IN/x4Cft2g517EjYvEvM/W7LU=")]
    [InlineData("https://MyCompany.com:1234/myapp.php?foo=1&bar=2", "PCqOZm8cnu/L6+u5i5fuEd+Iac4=")]
    [InlineData("http://MyCompany.com/myapp.php?foo=1&bar=2", "XY7AlKOKL6im4yWyX84gldUrtis=")]
    [InlineData("http://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "PJ08CxXr7KLPjEQCTc8LkUSMwSM=")]
    [InlineData("HTTP://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "hy/l8pca+LFms4cvRdv8uiP6NGc=")]
    [InlineData("http://Username:Password@MyCompany.com/myapp.php?foo=1&bar=2", "SkTSKyDJH9kUlhItI0slbgZ1UsI=")]
    public void Computes_the_sdk_test_vectors(string url, string expected) =>
        Assert.Equal(expected, TwilioSignature.Compute(Token, url, Params));

    [Fact]
    public void Repeated_names_contribute_each_distinct_value_once_in_order() =>
        Assert.Equal("IK+Dwps556ElfBT0I3Rgjkr1wJU=", TwilioSignature.Compute(Token, Url,
            [new("Sid", "CA123"), new("SidAccount", "AC123"), new("Digits", "5678"), new("Digits", "1234"), new("Digits", "1234")]));

    [Fact]
    public void Older_documentation_vector_matches() =>
        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSignature.Compute(Token, Url,
            [new("CallSid", "CA1234567890ABCDE"), new("Caller", "+12349013030"), new("Digits", "1234"), new("From", "+12349013030"), new("To", "+18005551212")]));

    [Fact]
    public void A_signature_over_the_url_with_or_without_its_port_is_valid()
    {
        Assert.True(TwilioSignature.IsValid(Token, Url, Params, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        Assert.True(TwilioSignature.IsValid(Token, Url, Params, "kvajT1Ptam85bY51eRf/AJRuM3w="));                         // signed over :443
        Assert.True(TwilioSignature.IsValid(Token, "https://mycompany.com:1234/myapp.php?foo=1&bar=2", Params, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")); // port removed
        Assert.True(TwilioSignature.IsValid(Token, "https://mycompany.com:1234/myapp.php?foo=1&bar=2", Params, "CYn1h0gLBdNxDGkKJg6hYohgeD8=")); // port kept
    }

    [Fact]
    public void Forged_missing_or_mismatched_signatures_are_invalid()
    {
        Assert.False(TwilioSignature.IsValid(Token, Url, Params, null));
        Assert.False(TwilioSignature.IsValid(Token, Url, Params, ""));
        Assert.False(TwilioSignature.IsValid(Token, Url, Params, "RSOYDt4T1cUTdK1PDd93/VVr8B9="));
        Assert.False(TwilioSignature.IsValid("54321", Url, Params, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        Assert.False(TwilioSignature.IsValid("", Url, Params, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        Assert.False(TwilioSignature.IsValid(Token, "https://MyCompany.com/myapp.php?foo=1&bar=2", Params, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")); // host case is signed
        Assert.False(TwilioSignature.IsValid(Token, Url, [.. Params, new("Body", "STOP")], "RSOYDt4T1cUTdK1PDd93/VVr8B8="));              // an added parameter
    }
}
