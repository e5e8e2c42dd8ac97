using System.Net;
using System.Text.Json;

namespace NextLevel.Web.ApiClient;

/// <summary>The Api refused a request; carries its ProblemDetails title and field errors for the page to show.</summary>
public sealed class ApiProblemException(int status, string message, IReadOnlyDictionary<string, string[]> errors) : Exception(message)
{
    public int Status { get; } = status;

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>The earliest allowed time a refusal names in its <c>nextAllowedAt</c> extension (call-back tasks), if any.</summary>
    public DateTimeOffset? NextAllowedAt { get; init; }

    /// <summary>A sentence telling the user what happened and what to do.</summary>
    public string UserMessage => Status switch
    {
        (int)HttpStatusCode.Forbidden => "Your role does not allow this action. Ask an admin if you need it.",
        (int)HttpStatusCode.NotFound => "It no longer exists: it may have been removed. Go back and refresh the list.",
        (int)HttpStatusCode.Conflict => $"{Message} Refresh the page and try again.",
        >= 500 => "The Api failed to answer. Try again in a moment; if it keeps failing, tell the ops team.",
        _ => Errors.Count == 0 ? Message : $"{Message} {string.Join(" ", Errors.SelectMany(e => e.Value))}",
    };

    public static async Task<ApiProblemException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var title = response.ReasonPhrase ?? "The request was refused.";
        var errors = new Dictionary<string, string[]>();
        DateTimeOffset? nextAllowedAt = null;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (text.Length > 0 && text[0] == '{')
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                if (root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
                {
                    title = detail.GetString()!;
                }
                else if (root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String)
                {
                    title = t.GetString()!;
                }
                if (root.TryGetProperty("nextAllowedAt", out var next) && next.ValueKind == JsonValueKind.String && next.TryGetDateTimeOffset(out var at))
                {
                    nextAllowedAt = at.ToUniversalTime();
                }
                if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in e.EnumerateObject())
                    {
                        errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? field.Value.EnumerateArray().Select(v => v.ToString()).ToArray()
                            : [field.Value.ToString()];
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A body that is not ProblemDetails: the status line is all there is to tell.
        }
        return new ApiProblemException(status, title, errors) { NextAllowedAt = nextAllowedAt };
    }
}

/// <summary>The Api token expired or was refused: the user is being sent to the sign-in page.</summary>
public sealed class SessionExpiredException() : Exception("The session expired; sign in again.");
