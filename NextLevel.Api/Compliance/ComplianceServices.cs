using System.Security.Claims;
using Microsoft.Extensions.Options;
using NextLevel.Domain.Compliance;

namespace NextLevel.Api.Compliance;

/// <summary>What the compliance handlers need, bound with [AsParameters].</summary>
public sealed class ComplianceServices(
    ComplianceService gate,
    ConsentRecords consent,
    DncRegistry dnc,
    DncImporter importer,
    InboundReplies replies,
    MongoDB.Driver.IMongoDatabase database,
    TimeProvider time,
    IOptions<TwilioWebhookOptions> twilio,
    ILogger<ComplianceServices> logger)
{
    public ComplianceService Gate { get; } = gate;
    public ConsentRecords Consent { get; } = consent;
    public DncRegistry Dnc { get; } = dnc;
    public DncImporter Importer { get; } = importer;
    public InboundReplies Replies { get; } = replies;
    public MongoDB.Driver.IMongoDatabase Database { get; } = database;
    public TimeProvider Time { get; } = time;
    public IOptions<TwilioWebhookOptions> Twilio { get; } = twilio;
    public ILogger<ComplianceServices> Logger { get; } = logger;

    /// <summary>"staff:&lt;user id&gt;", the recordedBy of staff actions.</summary>
    public static string Actor(ClaimsPrincipal user) => "staff:" + (user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown");
}

/// <summary>Configuration section <c>Twilio</c>: the auth token that signs webhooks, and the public base URL Twilio calls.</summary>
public sealed class TwilioWebhookOptions
{
    public const string Section = "Twilio";

    public string? AuthToken { get; set; }

    /// <summary>e.g. https://api.example.com — the scheme, host and port Twilio was given (from <c>Webhooks:PublicBaseUrl</c> when unset).</summary>
    public string? PublicBaseUrl { get; set; }
}
