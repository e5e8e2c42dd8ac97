using System.Diagnostics;
using Microsoft.Extensions.Options;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Leads;
using NextLevel.Worker.Channels;
using NextLevel.Worker.Telemetry;
using NextLevel.Worker.Templates;

namespace NextLevel.Worker.Services.FollowUp;

/// <summary>What a provider answered when it accepted a step.</summary>
public sealed record ProviderReceipt(string ProviderId, string? ConversationId, string Status);

/// <summary>
/// Hands one step to the channel of its method. The attempt id is the idempotency key: it is the call id the voice
/// provider receives, and the id of the message sent. Measures provider latency and errors.
/// </summary>
public sealed class ChannelDispatcher(
    IVoiceCallChannel calls,
    ISmsChannel sms,
    IEmailChannel email,
    IOptions<FollowUpOptions> options,
    ApiCallbacks callbacks,
    WorkerTelemetry telemetry)
{
    public async Task<ProviderReceipt> SendAsync(Lead lead, Campaign campaign, WorkflowStep step, ContactMethod method, string attemptId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(step);
        using var activity = WorkerTelemetry.Source.StartActivity("provider.send", ActivityKind.Client);
        activity?.SetTag("nextlevel.lead_id", lead.Id.ToString());
        activity?.SetTag("nextlevel.step", step.Key);
        activity?.SetTag("nextlevel.method", method.ToString());
        var method_ = new KeyValuePair<string, object?>("method", method.ToString());
        var started = Stopwatch.GetTimestamp();
        try
        {
            var receipt = await SendCoreAsync(lead, campaign, step, method, attemptId, cancellationToken);
            telemetry.ProviderLatency.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, method_);
            return receipt;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            telemetry.ProviderErrors.Add(1, method_);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    private async Task<ProviderReceipt> SendCoreAsync(Lead lead, Campaign campaign, WorkflowStep step, ContactMethod method, string attemptId, CancellationToken cancellationToken)
    {
        var leadId = lead.Id.ToString();
        switch (method)
        {
            case ContactMethod.AutomatedCall or ContactMethod.ManualCall:
                var variables = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["first_name"] = lead.Contact.FirstName ?? "",
                    ["property_address"] = lead.PropertyAddress ?? "",
                    ["campaign_name"] = campaign.Name,
                    ["step"] = step.Key,
                };
                if (step.Template is not null) variables["template"] = step.Template;
                var placement = await calls.PlaceCallAsync(new OutboundCallRequest(
                    leadId, attemptId, lead.Contact.Phone!, options.Value.FromNumber, campaign.Id.ToString(),
                    campaign.ConversationStrategy?.VoiceId, campaign.ConversationStrategy?.OpeningScript, variables,
                    callbacks.TwilioStatus), cancellationToken);
                return new ProviderReceipt(placement.CallSid, placement.ConversationId, placement.Status);
            case ContactMethod.Sms:
                var text = StepMessages.Render(step.Template, lead, method);
                var smsReceipt = await sms.SendSmsAsync(new SmsRequest(leadId, lead.Contact.Phone!, options.Value.FromNumber, text.Text, StatusCallbackUrl: null), cancellationToken);
                return new ProviderReceipt(smsReceipt.ProviderMessageId, null, smsReceipt.Status);
            default:
                var mail = EmailMessage(step.Template, lead);
                var mailReceipt = await email.SendEmailAsync(new EmailRequest(leadId, lead.Contact.Email!, mail.Subject, mail.Text, null), cancellationToken);
                return new ProviderReceipt(mailReceipt.ProviderMessageId, null, mailReceipt.Status);
        }
    }

    /// <summary>
    /// A template shipped with the e-mail provider (Templates/&lt;name&gt;.txt, unsubscribe line included) when the step
    /// names one; other names fall back to the step messages.
    /// </summary>
    private static RenderedMessage EmailMessage(string? template, Lead lead)
    {
        if (template is null || !EmailTemplates.Exists(template)) return StepMessages.Render(template, lead, ContactMethod.Email);
        var rendered = EmailTemplates.Render(template, LeadTemplateFields.From(lead));
        return new RenderedMessage(rendered.Subject, rendered.TextBody);
    }
}
