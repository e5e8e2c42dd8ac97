using NextLevel.Domain.Leads;
using NextLevel.Domain.Leads.Normalization;

namespace NextLevel.Domain.Tests.Intake;

public class ContactUpdaterTests
{
    private static Lead Stored() => new()
    {
        Source = LeadSource.RealGeeks,
        ExternalId = "abc",
        Contact = new LeadContact
        {
            FirstName = "Jack", LastName = "Johnson", Email = "jack@example.com", Phone = "+12065550100",
            Address = new PostalAddress { Street = "77 Ocean Ave", City = "Miami", State = "FL", ZipCode = "33139" },
        },
    };

    [Fact]
    public void Absent_fields_keep_their_stored_values_and_nothing_changes()
    {
        var result = ContactUpdater.Apply(Stored(), new ContactUpdate());

        Assert.True(result.IsValid);
        Assert.Empty(result.ChangedFields);
        Assert.Equal("+12065550100", result.Contact!.Phone);
    }

    [Fact]
    public void Set_values_are_normalised_as_a_new_lead_is()
    {
        var result = ContactUpdater.Apply(Stored(), new ContactUpdate { Phone = FieldChange.To("(206) 555-0199"), State = FieldChange.To("washington"), City = FieldChange.To("  Seattle ") });

        Assert.Equal("+12065550199", result.Contact!.Phone);
        Assert.Equal(("Seattle", "WA"), (result.Contact.Address!.City, result.Contact.Address.State));
        Assert.Equal([ContactFields.Phone, ContactFields.Address], result.ChangedFields);
        Assert.True(result.PhonesChanged);
        Assert.Equal("77 Ocean Ave, Seattle, WA 33139", result.Lead!.FormattedAddress);
    }

    [Fact]
    public void A_blank_value_clears_the_field()
    {
        var result = ContactUpdater.Apply(Stored(), new ContactUpdate { Email = FieldChange.To("") });

        Assert.Null(result.Contact!.Email);
        Assert.Equal([ContactFields.Email], result.ChangedFields);
        Assert.False(result.PhonesChanged);
    }

    [Fact]
    public void Clearing_both_phone_and_email_is_refused()
    {
        var result = ContactUpdater.Apply(Stored(), new ContactUpdate { Email = FieldChange.To(""), Phone = FieldChange.To("") });

        Assert.False(result.IsValid);
        Assert.Contains("phone", result.Errors.Keys);
    }

    [Fact]
    public void An_invalid_value_is_a_field_error()
    {
        var result = ContactUpdater.Apply(Stored(), new ContactUpdate { Email = FieldChange.To("not-an-address"), ZipCode = FieldChange.To("123") });

        Assert.False(result.IsValid);
        Assert.Contains("email", result.Errors.Keys);
        Assert.Contains("address.zipCode", result.Errors.Keys);
    }
}
