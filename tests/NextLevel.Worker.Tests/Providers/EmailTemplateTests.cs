using NextLevel.Domain.Leads;
using NextLevel.Worker.Templates;

namespace NextLevel.Worker.Tests.Providers;

public class EmailTemplateTests
{
    [Fact]
    public void The_follow_up_and_nurture_templates_ship_as_embedded_resources()
    {
        Assert.Contains(EmailTemplates.FollowUpDay1, EmailTemplates.Names);
        Assert.Contains(EmailTemplates.FollowUpDay3, EmailTemplates.Names);
        Assert.Contains(EmailTemplates.NurtureMarketUpdate, EmailTemplates.Names);
        Assert.Contains(EmailTemplates.NurtureCashOfferExplained, EmailTemplates.Names);
    }

    public static TheoryData<string> AllTemplates() => [.. EmailTemplates.Names];

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void Every_template_uses_only_lead_fields_and_renders_a_subject_and_the_unsubscribe_line(string name)
    {
        Assert.Subset(LeadTemplateFields.Names.ToHashSet(), EmailTemplates.PlaceholdersOf(name).ToHashSet());

        var email = EmailTemplates.Render(name, LeadTemplateFields.From(new Lead()));

        Assert.False(string.IsNullOrWhiteSpace(email.Subject));
        Assert.DoesNotContain("{", email.Subject + email.TextBody, StringComparison.Ordinal);
        Assert.EndsWith(EmailTemplates.UnsubscribeLine + "\n", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_are_replaced_literally_and_unknown_placeholders_stay()
    {
        var fields = new Dictionary<string, string?> { ["first_name"] = "{city} $1", ["city"] = null };

        var email = EmailTemplates.Render(EmailTemplates.NurtureMarketUpdate, fields);

        Assert.StartsWith("Hi {city} $1,", email.TextBody, StringComparison.Ordinal);
        Assert.Equal("What homes near  are selling for", email.Subject);
        Assert.Contains("{property_address}", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_template_name_is_refused()
    {
        Assert.False(EmailTemplates.Exists("no_such_template"));
        Assert.Throws<KeyNotFoundException>(() => EmailTemplates.Render("no_such_template", new Dictionary<string, string?>()));
    }
}
