using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NextLevel.Api.Identity;

/// <summary>Declares the bearer token in the OpenAPI document, so the Scalar reference can send one.</summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token from POST /api/auth/token.",
        };
        return Task.CompletedTask;
    }
}
