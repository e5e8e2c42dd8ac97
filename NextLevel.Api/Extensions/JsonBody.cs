using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace NextLevel.Api.Extensions;

/// <summary>
/// Reads a JSON request body so that malformed JSON and wrong types (an object such as {"$gt": ""} where a string
/// belongs, an unknown enum value) become field-level validation errors named by their JSON path, not a bare 400.
/// </summary>
internal static class JsonBody
{
    public static async Task<(T? Value, Dictionary<string, string[]>? Errors)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        if (!request.HasJsonContentType())
            return (null, new() { ["body"] = ["The body must be JSON (Content-Type: application/json)."] });
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken);
            return value is null ? (null, new() { ["body"] = ["A JSON object is required."] }) : (value, null);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return (null, new() { [path] = ["The value is not valid JSON of the expected type."] });
        }
    }
}
