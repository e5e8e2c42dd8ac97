using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NextLevel.Domain.Leads;
using NextLevel.Worker.Channels;
using NextLevel.Worker.Providers;
using NextLevel.Worker.Templates;

namespace NextLevel.Worker.Tests.Providers;

public class SmtpEmailChannelTests
{
    private static Dictionary<string, string?> Settings(int port) => new()
    {
        ["Providers:Smtp:Host"] = "127.0.0.1",
        ["Providers:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Providers:Smtp:Security"] = "None",
        ["Providers:Smtp:FromAddress"] = "offers@nextlevel.example",
        ["Providers:Smtp:FromName"] = "Next Level Real Estate",
        ["Providers:Smtp:UnsubscribeUrl"] = "https://nextlevel.example/unsubscribe",
    };

    [Fact]
    public async Task A_templated_follow_up_is_delivered_over_smtp_with_its_unsubscribe_line()
    {
        await using var smtp = new LoopbackSmtpServer();
        using var host = ProviderHost.Build(Settings(smtp.Port));
        var lead = new Lead
        {
            Contact = new LeadContact { FirstName = "Jane", Email = "jane@example.com", Address = new PostalAddress { City = "Seattle", State = "WA" } },
            PropertyAddress = "123 Main St, Seattle, WA 98101",
            CampaignName = "Seattle Sellers",
        };
        var email = EmailTemplates.Render(EmailTemplates.FollowUpDay1, LeadTemplateFields.From(lead));

        var receipt = await host.Services.GetRequiredService<IEmailChannel>().SendEmailAsync(
            new EmailRequest("lead1", "jane@example.com", email.Subject, email.TextBody, null), CancellationToken.None);

        var mail = Assert.Single(smtp.Messages);
        Assert.Equal("offers@nextlevel.example", mail.MailFrom);
        Assert.Equal(["jane@example.com"], mail.RcptTo);
        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(mail.Data)));
        Assert.Equal("About 123 Main St, Seattle, WA 98101, Jane", message.Subject);
        Assert.Equal(receipt.ProviderMessageId, message.MessageId);
        Assert.Equal("sent", receipt.Status);
        Assert.StartsWith("Hi Jane,", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("cash", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("The Seattle Sellers team", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(EmailTemplates.UnsubscribeLine, message.TextBody, StringComparison.Ordinal);
        Assert.Equal("<mailto:offers@nextlevel.example?subject=unsubscribe>, <https://nextlevel.example/unsubscribe>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("\"Next Level Real Estate\" <offers@nextlevel.example>", message.From.ToString());
        Assert.Contains(smtp.Commands, c => c.StartsWith("EHLO", StringComparison.Ordinal));
        Assert.Equal("QUIT", smtp.Commands[^1]);
    }

    [Fact]
    public async Task A_refused_recipient_becomes_a_provider_exception_without_the_address()
    {
        await using var smtp = new LoopbackSmtpServer(rejectRecipients: true);
        using var host = ProviderHost.Build(Settings(smtp.Port));

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Services.GetRequiredService<IEmailChannel>().SendEmailAsync(
            new EmailRequest("lead1", "nobody@example.com", "Subject", "Body", null), CancellationToken.None));

        Assert.Equal("smtp", error.Provider);
        Assert.Equal("550", error.ErrorCode);
        Assert.DoesNotContain("nobody@example.com", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);
    }
}
