using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NextLevel.Api.Intake.Pipeline;

/// <summary>The ProblemDetails answers intake gives, so every path words them the same way.</summary>
internal static class IntakeProblems
{
    public static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large");

    public static ProblemHttpResult Unauthorized(string source) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not authenticated", detail: $"The request does not carry the {source} secret.");

    public static ProblemHttpResult UnsupportedMediaType(string expected) =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: $"Send {expected}.");

    /// <summary>A JSON parse or type error as a field error at the JSON path ("$.phone" → "phone").</summary>
    public static ValidationProblem FromJson(JsonException exception)
    {
        var path = exception.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "body";
        var message = exception.Path is null ? "Malformed JSON." : "Wrong type, malformed value or unknown field.";
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [path] = [message] });
    }

    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
