using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NextLevel.Domain.Compliance.Reassigned;
using NextLevel.Worker.Services.Reassigned;

namespace NextLevel.Worker.Providers.DncScrub;

/// <summary>
/// DNCScrub's RND Basic, a query of the FCC Reassigned Numbers Database:
/// <c>GET {BaseUrl}/{ApiVersion}/Data/RNDBasic?phoneNumber=7075276405&amp;date=20211109</c> with the API key in the
/// <c>loginId</c> header, and the batch form <c>POST</c> on the same path with <c>{"data": [{"phoneNumber", "date"}]}</c>
/// (at most 1,000 numbers). Numbers are sent as 10 digits without +1, dates as YYYYMMDD. Every request first takes a
/// permit from <see cref="DncScrubRateLimiter"/> (50 a minute); retries on 408/429/5xx and timeouts come from the
/// standard resilience handler of the named client <see cref="HttpClientName"/>. A singleton: each request takes a
/// client from the factory, so handler rotation keeps working. [Singleton - ThreadSafe]
/// </summary>
public sealed class DncScrubRndClient(IHttpClientFactory clients, DncScrubRateLimiter limiter, IOptions<DncScrubRndOptions> options) : IReassignedNumbersClient
{
    public const string Provider = "dncscrub_rnd_basic";

    public const string HttpClientName = nameof(DncScrubRndClient);

    private readonly DncScrubRndOptions _options = options.Value;

    public async Task<ReassignedAnswer> CheckAsync(ReassignedQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var url = $"{Path()}?phoneNumber={TenDigits(query.Phone)}&date={Date(query.ConsentDate)}{(_options.UseSandbox ? "&useSandbox=true" : "")}";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(_options.BaseUrl), url));
        var requestId = NewRequestId();
        var element = await SendAsync(request, cancellationToken);
        var result = element.ValueKind == JsonValueKind.Array && element.GetArrayLength() > 0 ? element[0] : element;
        return Parse(result, requestId);
    }

    public async Task<IReadOnlyList<ReassignedAnswer>> CheckManyAsync(IReadOnlyList<ReassignedQuery> queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var answers = new List<ReassignedAnswer>(queries.Count);
        foreach (var chunk in queries.Chunk(_options.BatchSize))
        {
            var body = new RndBasicBatchRequest([.. chunk.Select(q => new RndBasicBatchItem(TenDigits(q.Phone), Date(q.ConsentDate)))], _options.UseSandbox);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(_options.BaseUrl), Path()))
            {
                Content = JsonContent.Create(body),
            };
            var requestId = NewRequestId();
            var element = await SendAsync(request, cancellationToken);
            if (element.ValueKind != JsonValueKind.Array)
                throw new ProviderException(Provider, (System.Net.HttpStatusCode?)null, null, "RND Basic answered a batch with something other than a list.");
            var byNumber = new Dictionary<string, Queue<JsonElement>>(StringComparer.Ordinal);
            foreach (var item in element.EnumerateArray())
            {
                var number = item.TryGetProperty("PhoneNumber", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() ?? "" : "";
                if (!byNumber.TryGetValue(number, out var queue)) byNumber[number] = queue = new Queue<JsonElement>();
                queue.Enqueue(item);
            }
            foreach (var query in chunk)
            {
                if (!byNumber.TryGetValue(TenDigits(query.Phone), out var queue) || !queue.TryDequeue(out var item))
                    throw new ProviderException(Provider, (System.Net.HttpStatusCode?)null, null, "RND Basic left a number of the batch unanswered.");
                answers.Add(Parse(item, requestId));
            }
        }
        return answers;
    }

    private string Path() => $"/{_options.ApiVersion}/Data/RNDBasic";

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add("loginId", _options.ApiKey);
        request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json"));
        using var lease = await limiter.AcquireAsync(cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ProviderException(Provider, "RND Basic could not be reached.", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw new ProviderException(Provider, response.StatusCode, null, $"RND Basic answered {(int)response.StatusCode}.");
            try
            {
                return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            }
            catch (JsonException e)
            {
                throw new ProviderException(Provider, "RND Basic answered with a body that is not JSON.", e);
            }
        }
    }

    private static ReassignedAnswer Parse(JsonElement item, string requestId)
    {
        if (item.ValueKind != JsonValueKind.Object)
            throw new ProviderException(Provider, (System.Net.HttpStatusCode?)null, null, "RND Basic answered with something other than a result object.");
        var reassigned = item.TryGetProperty("IsReassigned", out var r) ? Flag(r) : null;
        var safeHarbor = item.TryGetProperty("HasSafeHarbor", out var s) ? Flag(s) : null;
        var result = reassigned switch
        {
            true => ReassignedCheckResult.Reassigned,
            false => ReassignedCheckResult.NotReassigned,
            null => ReassignedCheckResult.NoData,
        };
        return new ReassignedAnswer(result, Provider, requestId, safeHarbor);
    }

    /// <summary>true/1/"1"/"true" → true; false/0/"0"/"false" → false; null, blank or absent → null (no data).</summary>
    internal static bool? Flag(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.TryGetInt32(out var n) ? n switch { 1 => true, 0 => false, _ => null } : null,
        JsonValueKind.String => value.GetString()?.Trim().ToUpperInvariant() switch
        {
            "1" or "TRUE" or "Y" or "YES" => true,
            "0" or "FALSE" or "N" or "NO" => false,
            _ => null,
        },
        _ => null,
    };

    /// <summary>+1NXXNXXXXXX → the 10 digits RND Basic expects.</summary>
    internal static string TenDigits(string e164)
    {
        ArgumentNullException.ThrowIfNull(e164);
        var digits = e164.StartsWith("+1", StringComparison.Ordinal) ? e164[2..] : e164;
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
            throw new ArgumentException("Only North American numbers (+1 and 10 digits) can be checked.", nameof(e164));
        return digits;
    }

    internal static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string NewRequestId() => "rnd-" + Guid.NewGuid().ToString("N");
}
