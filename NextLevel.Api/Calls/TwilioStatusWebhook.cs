using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using MongoDB.Driver;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Integrations;

namespace NextLevel.Api.Calls;

/// <summary>Twilio's voice status callback (form POST, <c>X-Twilio-Signature</c>): status, timing, duration and cost of a call.</summary>
public static class TwilioStatusWebhook
{
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(HttpRequest request, CallWebhookServices services, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Expected application/x-www-form-urlencoded.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return TypedResults.Problem(statusCode: (e as BadHttpRequestException)?.StatusCode ?? StatusCodes.Status400BadRequest, title: "The form could not be read.");
        }

        var parameters = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
        var options = services.Options;
        if (string.IsNullOrEmpty(options.TwilioAuthToken)
            || !TwilioSignature.IsValid(options.TwilioAuthToken, SignedUrl(request, options), parameters, request.Headers[TwilioSignature.HeaderName]))
        {
            CallsLog.TwilioSignatureRefused(services.Logger, string.IsNullOrEmpty(options.TwilioAuthToken) ? "no auth token configured" : "bad or missing signature");
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The Twilio signature is missing or does not match.");
        }

        var errors = new Dictionary<string, string[]>();
        var callSid = form["CallSid"].ToString();
        if (string.IsNullOrWhiteSpace(callSid) || callSid.Length > 64) errors["CallSid"] = ["CallSid is required."];
        if (!TwilioCallStatuses.TryMap(form["CallStatus"].ToString(), out var status)) errors["CallStatus"] = ["CallStatus is not a Twilio call status."];
        int? duration = null;
        if (!string.IsNullOrEmpty(form["CallDuration"]))
        {
            if (int.TryParse(form["CallDuration"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) duration = seconds;
            else errors["CallDuration"] = ["CallDuration must be a whole number of seconds."];
        }

        decimal? price = null;
        if (!string.IsNullOrEmpty(form["Price"]))
        {
            if (decimal.TryParse(form["Price"], NumberStyles.Float, CultureInfo.InvariantCulture, out var paid)) price = Math.Abs(paid);
            else errors["Price"] = ["Price must be a number."];
        }

        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var now = services.Time.GetUtcNow().UtcDateTime;
        var updates = services.Updates;
        if (!TwilioCallStatuses.IsTerminal(status))
        {
            // Progress (the most frequent callbacks): conditional updates addressed by CallSid, no read first; a read
            // only when they moved nothing, to tell an unknown call (404, nothing written) from one already further on.
            var moved = await updates.AdvanceStatusByCallSidAsync(callSid, status, now, cancellationToken);
            if (status == CallStatus.Answered)
            {
                var answeredAt = ParseTimestamp(form["Timestamp"].ToString()) ?? now;
                moved |= await updates.SetAnsweredAtByCallSidAsync(callSid, answeredAt, now, cancellationToken);
            }
            if (!moved && !await services.Calls.Find(c => c.CallSid == callSid).Project(c => c.Id).AnyAsync(cancellationToken))
            {
                CallsLog.UnknownCallSid(services.Logger, callSid);
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No call has this CallSid.");
            }
            CallsLog.ProgressApplied(services.Logger, callSid, status.ToString(), form["SequenceNumber"].ToString());
            return TypedResults.NoContent();
        }

        var call = await services.Calls.Find(c => c.CallSid == callSid).Project(c => new { c.Id }).FirstOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            CallsLog.UnknownCallSid(services.Logger, callSid);
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No call has this CallSid.");
        }

        var at = ParseTimestamp(form["Timestamp"].ToString()) ?? now;
        // A terminal status: the call's end, its duration and Twilio's cost, each set once.
        await updates.AdvanceStatusAsync(call.Id, status, now, cancellationToken);
        if (status == CallStatus.Completed && duration > 0) await updates.SetAnsweredAtAsync(call.Id, at.AddSeconds(-duration.Value), now, cancellationToken);
        await updates.SetEndAsync(call.Id, at, duration, now, cancellationToken);
        await updates.SetTwilioCostAsync(call.Id, duration ?? 0, price, options.TwilioRatePerMinute, now, cancellationToken);

        CallsLog.StatusApplied(services.Logger, call.Id.ToString(), status.ToString(), form["SequenceNumber"].ToString());
        return TypedResults.NoContent();
    }

    /// <summary>The URL Twilio signed: the configured public base plus path and query, else the request's own URL.</summary>
    public static string SignedUrl(HttpRequest request, CallWebhookOptions options) =>
        string.IsNullOrWhiteSpace(options.TwilioWebhookBaseUrl)
            ? request.GetEncodedUrl()
            : options.TwilioWebhookBaseUrl.TrimEnd('/') + request.PathBase + request.Path + request.QueryString;

    /// <summary>Twilio's RFC 2822 <c>Timestamp</c>, e.g. <c>Sun, 25 Mar 2018 09:53:19 +0000</c>.</summary>
    public static DateTime? ParseTimestamp(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.UtcDateTime
            : null;
}
