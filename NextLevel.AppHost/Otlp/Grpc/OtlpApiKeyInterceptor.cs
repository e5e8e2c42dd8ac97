using Grpc.Core;
using Grpc.Core.Interceptors;

namespace NextLevel.AppHost.Otlp.Grpc;

/// <summary>Refuses a gRPC export without the run's API key with Unauthenticated, before it is read.</summary>
internal sealed class OtlpApiKeyInterceptor(OtlpApiKey apiKey) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!apiKey.IsValid(context.RequestHeaders.GetValue(OtlpApiKey.HeaderName)))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"Missing or wrong {OtlpApiKey.HeaderName} header."));
        }
        return continuation(request, context);
    }
}
