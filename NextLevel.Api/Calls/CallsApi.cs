using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using NextLevel.Api.Extensions;
using NextLevel.Domain.Compliance;

namespace NextLevel.Api.Calls;

/// <summary>Provider webhooks that report calls back: Twilio's status callback and ElevenLabs' post-call webhook.</summary>
public static class CallsApi
{
    public static void AddCalls(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(CallWebhookOptions.From(builder.Configuration));
        builder.Services.AddSingleton<SignatureReplayGuard>();
        builder.Services.AddScoped(sp => new CallRecordUpdates(
            sp.GetRequiredService<MongoDB.Driver.IMongoDatabase>().GetCollection<Domain.Calls.Call>(Domain.Persistence.CollectionNames.Calls)));
        builder.Services.TryAddScoped<ConsentRecords>();
        builder.Services.AddScoped<PostCallProcessor>();
        builder.Services.AddScoped<CallWebhookServices>();
    }

    public static RouteGroupBuilder MapCallsApi(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/webhooks").WithTags("Call webhooks").RequireRateLimiting(Extensions.Extensions.WebhookRateLimit).AllowAnonymous();

        webhooks.MapPost("/twilio/status", TwilioStatusAsync)
            .WithSummary("Twilio voice status callback (X-Twilio-Signature)")
            .DisableAntiforgery();
        webhooks.MapPost("/elevenlabs/post-call", ElevenLabsPostCallAsync)
            .WithSummary("ElevenLabs post-call webhook (ElevenLabs-Signature)");

        return webhooks;
    }

    public static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> TwilioStatusAsync(HttpRequest request, [AsParameters] CallWebhookParameters parameters, CancellationToken cancellationToken) =>
        TwilioStatusWebhook.HandleAsync(request, parameters.Services, cancellationToken);

    public static Task<Results<Ok<WebhookAnswer>, ValidationProblem, ProblemHttpResult>> ElevenLabsPostCallAsync(HttpRequest request, [AsParameters] CallWebhookParameters parameters, CancellationToken cancellationToken) =>
        ElevenLabsPostCallWebhook.HandleAsync(request, parameters.Services, cancellationToken);
}

/// <summary>The handlers' services, bound with [AsParameters].</summary>
public readonly record struct CallWebhookParameters(CallWebhookServices Services);
