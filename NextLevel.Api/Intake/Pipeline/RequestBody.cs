using Microsoft.AspNetCore.Http.Features;
using NextLevel.Api.Extensions;

namespace NextLevel.Api.Intake.Pipeline;

/// <summary>Reads a request body whole, refusing more than a limit (413) whether or not Content-Length was sent.</summary>
internal static class RequestBody
{
    public static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, CancellationToken cancellationToken, long limit = Extensions.Extensions.DefaultMaxRequestBodyBytes)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.ToArray();
    }

    /// <summary>Raises the server's body limit for this one request (Kestrel); a no-op where the feature is absent.</summary>
    public static void AllowBodyUpTo(HttpContext context, long limit)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
    }
}
