using NextLevel.Domain.Leads;
using NextLevel.Domain.Leads.Normalization;

namespace NextLevel.Domain.Tests.Intake;

public class LeadNormalizerTests
{
    private static LeadSubmission Submission(string? phone = "(206) 555-0134", string? email = "  Jane.Doe@Example.COM ", SubmittedAddress? address = null, SubmittedConsent? consent = null) => new()
    {
        Source = LeadSource.GoogleAds,
        ExternalId = " lead-1 ",
        FullName = "  Jane   Q  Doe ",
        Phone = phone,
        Email = email,
        Address = address,
        Consent = consent,
    };

    [Theory]
    [InlineData("(206) 555-0134", "+12065550134")]
    [InlineData("1-650-555-0123", "+16505550123")]
    [InlineData("+1 (415) 867-5309", "+14158675309")]
    [InlineData("206.555.0134", "+12065550134")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    public void Phones_become_E164_with_US_as_the_default_region(string raw, string expected)
    {
        Assert.True(PhoneNormalizer.TryNormalize(raw, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("+11234567890")]
    [InlineData("not a phone")]
    [InlineData("")]
    public void Invalid_phones_are_rejected(string raw) => Assert.False(PhoneNormalizer.TryNormalize(raw, out _));

    [Fact]
    public void A_submission_is_trimmed_lower_cased_and_split()
    {
        var result = LeadNormalizer.Normalize(Submission(address: new SubmittedAddress(" 12  Pine St ", " Seattle ", "wa", "98101")));

        Assert.True(result.IsValid);
        var lead = result.Lead!;
        Assert.Equal("lead-1", lead.ExternalId);
        Assert.Equal("+12065550134", lead.Contact.Phone);
        Assert.Equal("jane.doe@example.com", lead.Contact.Email);
        Assert.Equal("Jane Q", lead.Contact.FirstName);
        Assert.Equal("Doe", lead.Contact.LastName);
        Assert.Equal("WA", lead.Contact.Address!.State);
        Assert.Equal("12 Pine St", lead.Contact.Address.Street);
        Assert.Equal("12 Pine St, Seattle, WA 98101", lead.FormattedAddress);
    }

    [Fact]
    public void Full_state_names_become_their_codes() =>
        Assert.Equal("NY", LeadNormalizer.Normalize(Submission(address: new SubmittedAddress("1 A St", "Albany", "new york", null))).Lead!.Contact.Address!.State);

    [Fact]
    public void Bad_phone_email_state_and_zip_are_field_errors()
    {
        var result = LeadNormalizer.Normalize(Submission(phone: "12", email: "nobody@", address: new SubmittedAddress("1 A St", "X", "Narnia", "1234")));

        Assert.False(result.IsValid);
        Assert.Contains("phone", result.Errors.Keys);
        Assert.Contains("email", result.Errors.Keys);
        Assert.Contains("address.state", result.Errors.Keys);
        Assert.Contains("address.zipCode", result.Errors.Keys);
    }

    [Fact]
    public void A_lead_needs_a_phone_or_an_email()
    {
        var result = LeadNormalizer.Normalize(Submission(phone: null, email: null));
        Assert.Contains("phone", result.Errors.Keys);
    }

    [Fact]
    public void Consent_without_its_text_is_refused()
    {
        var consent = new SubmittedConsent("  ", ConsentMethod.WebForm, null, true, true, null, null, null);
        Assert.Contains("consent.text", LeadNormalizer.Normalize(Submission(consent: consent)).Errors.Keys);
    }

    [Fact]
    public void No_address_means_no_property_key() => Assert.Null(LeadNormalizer.Normalize(Submission()).Lead!.FormattedAddress);
}
