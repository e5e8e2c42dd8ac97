using Microsoft.AspNetCore.Http.Features;
using NextLevel.Api.Extensions;

namespace NextLevel.Api.Intake.Pipeline;

/// <summary>Reads a request body whole, refusing more than a limit (413) whether or not Content-Length was sent.</summary>
internal static class RequestBody
{
    public static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, CancellationToken cancellationToken, long limit = Extensions.Extensions.DefaultMaxRequestBodyBytes)
    {
        if (request.ContentLength > limit) return null;
        try
        {
            // With a Content-Length (every webhook sender here sends one) the body is read straight into its one array.
            if (request.ContentLength is { } length) return await ReadExactAsync(request.Body, (int)length, cancellationToken);
            return await ReadChunkedAsync(request.Body, limit, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    private static async Task<byte[]?> ReadExactAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        var buffer = length == 0 ? [] : new byte[length];
        var filled = 0;
        while (filled < length)
        {
            var read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0) break;
            filled += read;
        }
        // A body longer than its Content-Length is refused by the server; a shorter one is what arrived.
        return filled == length ? buffer : buffer[..filled];
    }

    private static async Task<byte[]?> ReadChunkedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(4096);
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
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
