using NextLevel.Domain.Leads;

namespace NextLevel.Worker.Services.FollowUp;

/// <summary>A rendered text message or e-mail.</summary>
public sealed record RenderedMessage(string Subject, string Text);

/// <summary>
/// The follow-up templates by name (the campaign's workflow.followUp[].template and nurture content), filled with
/// the lead's fields. Unknown names get a plain check-in message rather than stopping the sequence.
/// </summary>
public static class StepMessages
{
    private static readonly Dictionary<string, (string Subject, string Body)> Templates = new(StringComparer.Ordinal)
    {
        ["follow_up_day_1"] = ("About your property at {property}", "Hi {firstName}, thanks for reaching out about {property}. We buy houses as-is for cash and can close on your timeline. Reply to this message or call us back at a time that suits you."),
        ["follow_up_day_3"] = ("Still thinking about selling?", "Hi {firstName}, this is Next Level Real Estate following up on {property}. Would a no-obligation cash offer help? Reply STOP to opt out."),
        ["follow_up_call_week_1"] = ("Following up", "Hi {firstName}, we tried to reach you about {property}."),
        ["nurture_market_updates"] = ("Your local market this week", "Hi {firstName}, here is what homes near {property} sold for recently, and what that could mean for you."),
        ["nurture_success_stories"] = ("How a neighbour sold in 14 days", "Hi {firstName}, a homeowner with a property much like {property} sold to us as-is in two weeks. Here is how it went."),
        ["nurture_tips"] = ("Three things to do before you sell", "Hi {firstName}, a few low-cost steps can make a real difference when you sell {property}."),
    };

    public static RenderedMessage Render(string? template, Lead lead, ContactMethod method)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var (subject, body) = template is not null && Templates.TryGetValue(template, out var known)
            ? known
            : ("Checking in", "Hi {firstName}, we wanted to check in about {property}. Reply any time.");
        var text = Fill(body, lead);
        if (method == ContactMethod.Sms && !text.Contains("STOP", StringComparison.Ordinal)) text += " Reply STOP to opt out.";
        return new RenderedMessage(Fill(subject, lead), text);
    }

    private static string Fill(string text, Lead lead) => text
        .Replace("{firstName}", string.IsNullOrWhiteSpace(lead.Contact.FirstName) ? "there" : lead.Contact.FirstName, StringComparison.Ordinal)
        .Replace("{property}", string.IsNullOrWhiteSpace(lead.PropertyAddress) ? "your property" : lead.PropertyAddress, StringComparison.Ordinal);
}
