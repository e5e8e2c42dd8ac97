using System.Net;

namespace NextLevel.Worker.Providers;

/// <summary>
/// A provider refused or failed a request. The message names the provider, the HTTP status and the provider's error
/// code only: provider messages can echo phone numbers or addresses, so they are never copied into it.
/// </summary>
public sealed class ProviderException : Exception
{
    public ProviderException(string provider, HttpStatusCode? statusCode, string? errorCode, string message)
        : base(message)
    {
        Provider = provider;
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public ProviderException(string provider, string message, Exception innerException, string? errorCode = null)
        : base(message, innerException)
    {
        Provider = provider;
        ErrorCode = errorCode;
    }

    public string Provider { get; }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>The provider's own error code (Twilio's numeric codes such as 21211), when it sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>True when retrying later may succeed (rate limited or a server error that outlived the retries).</summary>
    public bool IsTransient => StatusCode is HttpStatusCode.TooManyRequests || (int?)StatusCode >= 500;
}
