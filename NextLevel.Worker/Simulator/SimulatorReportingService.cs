using System.Net.Http.Headers;
using System.Text;
using NextLevel.Worker.Services.FollowUp;

namespace NextLevel.Worker.Simulator;

/// <summary>
/// Sends the simulator's queued reports to the Api's webhooks when they are due, signed as the providers sign them.
/// A report the Api does not accept (unreachable, 5xx) is retried a few times, as providers retry.
/// </summary>
public sealed partial class SimulatorReportingService(
    SimulatorReports reports,
    IHttpClientFactory httpClients,
    ConfiguredWebhookSigner signer,
    ApiCallbacks callbacks,
    TimeProvider time,
    ILogger<SimulatorReportingService> logger) : BackgroundService
{
    public const string HttpClientName = "simulator-webhooks";

    private const int MaxAttempts = 5;

    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!signer.IsConfigured || callbacks.BaseAddress is null) LogNotReporting();
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = reports.TakeDue(time.GetUtcNow(), out var next);
            foreach (var report in due)
            {
                try
                {
                    await SendAsync(report, stoppingToken);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
                {
                    // As providers do: retry a few times, then give up on this report.
                    LogReportFailed(ex, report.Kind, report.CallId);
                    if (report.Attempts + 1 < MaxAttempts) reports.Retry(report, time.GetUtcNow().AddSeconds(2 << report.Attempts));
                }
            }
            var wait = next is { } at ? at - time.GetUtcNow() : Idle;
            if (wait > Idle) wait = Idle;
            if (wait > TimeSpan.Zero)
            {
                try { await reports.WaitAsync(wait, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task SendAsync(SimulatorReport report, CancellationToken cancellationToken)
    {
        var url = report.Kind == "twilio" ? callbacks.TwilioStatus : callbacks.ElevenLabsPostCall;
        if (url is null || !signer.IsConfigured) return;
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (report.Form is { } form)
        {
            request.Content = new FormUrlEncodedContent(form);
            request.Headers.Add("X-Twilio-Signature", signer.SignTwilio(url, form));
        }
        else
        {
            var body = report.Json ?? "{}";
            request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            request.Headers.Add("ElevenLabs-Signature", signer.SignElevenLabs(body, time.GetUtcNow()));
        }
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        // 404: the Api does not know the call yet (its record is being written); 5xx: the Api is struggling.
        if ((int)response.StatusCode >= 500 || response.StatusCode == System.Net.HttpStatusCode.NotFound)
            throw new HttpRequestException($"webhook answered {(int)response.StatusCode}");
        if (!response.IsSuccessStatusCode) LogReportRejected(report.Kind, report.CallId, (int)response.StatusCode);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The simulator cannot report to the Api: its address (services:api:http:0) or the webhook secrets (Providers:Twilio:AuthToken, Providers:ElevenLabs:WebhookSecret) are not configured")]
    private partial void LogNotReporting();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulated {Kind} report for call {CallId} could not be delivered; retrying")]
    private partial void LogReportFailed(Exception ex, string kind, string callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Api rejected the simulated {Kind} report for call {CallId} with {Status}")]
    private partial void LogReportRejected(string kind, string callId, int status);
}
