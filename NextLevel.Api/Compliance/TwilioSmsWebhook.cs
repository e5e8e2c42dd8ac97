using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NextLevel.Domain.Closers.Routing;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Integrations;

namespace NextLevel.Api.Compliance;

/// <summary>
/// POST /webhooks/twilio/sms — Twilio's inbound-message webhook. The X-Twilio-Signature is checked first (403 and
/// nothing written when missing or wrong). A body that is a revocation word (alone or leading) revokes consent at
/// once for every telephone channel of every lead with that number and puts the number on the internal DNC list;
/// any other text is recorded as a reply that hands the lead to a person. Answers with empty TwiML.
/// </summary>
public static class TwilioSmsWebhook
{
    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    public static async Task<Results<ContentHttpResult, ProblemHttpResult, ValidationProblem>> HandleAsync(
        HttpContext context, [AsParameters] ComplianceServices services, RoutingTriggers routing, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
            return TypedResults.Problem("Twilio posts application/x-www-form-urlencoded.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return TypedResults.Problem("The form could not be read.", statusCode: StatusCodes.Status400BadRequest);
        }

        var parameters = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
        var token = services.Twilio.Value.AuthToken;
        var signature = context.Request.Headers[TwilioSignature.HeaderName].ToString();
        if (string.IsNullOrEmpty(token) || !TwilioSignature.IsValid(token, RequestUrl(context, services.Twilio.Value.PublicBaseUrl), parameters, signature))
        {
            ComplianceLog.TwilioRefused(services.Logger, string.IsNullOrEmpty(token) ? "no auth token configured" : string.IsNullOrEmpty(signature) ? "signature missing" : "signature invalid");
            return TypedResults.Problem("The request is not signed by Twilio.", statusCode: StatusCodes.Status403Forbidden);
        }

        var body = form["Body"].ToString();
        if (!DncPhoneNumbers.TryNormalise(form["From"].ToString(), out var from))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["From"] = ["Must be the sender's phone number."] });
        if (body.Length > 1600)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Body"] = ["At most 1600 characters."] });

        var messageSid = form["MessageSid"].ToString() is { Length: > 0 and <= 64 } sid ? sid : null;
        if (RevocationLanguage.IsRevocationText(body))
        {
            var result = await services.Consent.RevokeForPhoneAsync(from, new ConsentRevocation(ContactChannels.Telephone, "sms_reply", body, "twilio_sms"), cancellationToken);
            ComplianceLog.ConsentRevoked(services.Logger, "sms_reply", result.LeadIds.Count, result.AddedToInternalDnc);
        }
        else
        {
            var leads = await services.Replies.RecordAsync(from, body, messageSid, cancellationToken);
            ComplianceLog.ReplyRecorded(services.Logger, leads);
            await routing.AfterReplyAsync(from, null, "SMS", cancellationToken);
        }
        return TypedResults.Content(EmptyTwiml, "text/xml");
    }

    /// <summary>The URL Twilio signed: the configured public base URL (when behind a proxy) or the request's own, plus path and query.</summary>
    internal static string RequestUrl(HttpContext context, string? publicBaseUrl)
    {
        var request = context.Request;
        var pathAndQuery = request.PathBase.Add(request.Path).ToUriComponent() + request.QueryString.ToUriComponent();
        if (!string.IsNullOrWhiteSpace(publicBaseUrl)) return publicBaseUrl.TrimEnd('/') + pathAndQuery;
        return $"{request.Scheme}://{request.Host.ToUriComponent()}{pathAndQuery}";
    }
}
