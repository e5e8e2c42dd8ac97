using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NextLevel.Domain.Integrations;

namespace NextLevel.Api.Calls;

/// <summary>
/// ElevenLabs' post-call webhook (<c>ElevenLabs-Signature: t=...,v0=...</c> over the raw body). Refuses a missing,
/// forged, malformed or stale signature (older than 30 minutes) and a replay of one already accepted, writing nothing.
/// </summary>
public static class ElevenLabsPostCallWebhook
{
    public static async Task<Results<Ok<WebhookAnswer>, ValidationProblem, ProblemHttpResult>> HandleAsync(HttpRequest request, CallWebhookServices services, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            body = await ReadBodyAsync(request, cancellationToken);
        }
        catch (BadHttpRequestException e)
        {
            return TypedResults.Problem(statusCode: e.StatusCode, title: "The body could not be read.");
        }

        var secret = services.Options.ElevenLabsWebhookSecret;
        var header = request.Headers[ElevenLabsSignature.HeaderName].ToString();
        if (string.IsNullOrEmpty(secret))
        {
            CallsLog.ElevenLabsSignatureRefused(services.Logger, "no webhook secret configured");
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The ElevenLabs signature cannot be checked.");
        }

        var status = ElevenLabsSignature.Verify(header, body, secret, services.Time.GetUtcNow());
        if (status != ElevenLabsSignatureStatus.Valid)
        {
            CallsLog.ElevenLabsSignatureRefused(services.Logger, status.ToString());
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The ElevenLabs signature is not valid.",
                detail: status switch
                {
                    ElevenLabsSignatureStatus.Missing => "The ElevenLabs-Signature header is missing.",
                    ElevenLabsSignatureStatus.Stale => "The signature's timestamp is older than the 30-minute tolerance.",
                    ElevenLabsSignatureStatus.Malformed => "The ElevenLabs-Signature header is not t=<unix>,v0=<hex>.",
                    _ => "The signature does not match the body.",
                });
        }

        ElevenLabsSignature.TryParse(header, out var signedAt, out _);
        if (!services.ReplayGuard.TryClaim(header, DateTimeOffset.FromUnixTimeSeconds(Math.Min(signedAt, DateTimeOffset.MaxValue.ToUnixTimeSeconds() - (long)ElevenLabsSignature.Tolerance.TotalSeconds))))
        {
            CallsLog.ElevenLabsSignatureRefused(services.Logger, "replayed signature");
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This signed delivery was already received.");
        }

        var acknowledged = false;
        try
        {
            var result = await ProcessAsync(body, services, cancellationToken);
            acknowledged = result.Result is Ok<WebhookAnswer>;
            return result;
        }
        finally
        {
            if (!acknowledged) services.ReplayGuard.Release(header);
        }
    }

    private static async Task<Results<Ok<WebhookAnswer>, ValidationProblem, ProblemHttpResult>> ProcessAsync(byte[] body, CallWebhookServices services, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = ["The body is not valid JSON."] });
        }

        using (document)
        {
            var (type, postCall, errors) = PostCallEvent.Parse(document.RootElement);
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
            if (postCall is null)
            {
                CallsLog.EventIgnored(services.Logger, type ?? "");
                return TypedResults.Ok(new WebhookAnswer("ignored"));
            }

            var result = await services.PostCalls.ProcessAsync(postCall, services.Options.ElevenLabsRatePerCharacter, cancellationToken);
            return result switch
            {
                PostCallResult.UnknownCall => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No call matches this conversation."),
                PostCallResult.AlreadyStored => TypedResults.Ok(new WebhookAnswer("already_stored")),
                _ => TypedResults.Ok(new WebhookAnswer("stored")),
            };
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}

/// <summary>The webhook's answer body.</summary>
public sealed record WebhookAnswer(string Result);
