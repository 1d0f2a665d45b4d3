using BIS.Web.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BIS.Web.Cad;

/// <summary>
/// The CAD API's OpenAPI document (<c>/openapi/v1.json</c>) and its reference page (<c>/api/reference</c>, Swagger UI
/// vendored in wwwroot/lib/swagger-ui-dist, so it works with no internet). Both need the same sign-in as the API
/// (a CAD key, or a dispatcher's or admin's session): the document holds no data, but BIS serves nothing
/// anonymously except health, and whoever integrates a CAD has a key.
/// </summary>
public static class CadOpenApi
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/api/reference";

    public static IServiceCollection AddCadOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description =>
                description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>().Any(t => t.Tags.Contains(CadApiExtensions.Tag));
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "BIS CAD API",
                    Version = "v1",
                    Description =
                        "Incidents and unit assignments for a CAD system. Authenticate with the `X-Api-Key` header (keys are made on " +
                        "/admin/cad-keys). Every POST needs an `Idempotency-Key` header (IETF draft-ietf-httpapi-idempotency-key-header): " +
                        "a retry with the same key and body gets the first answer again (header `Idempotent-Replayed: true`) and changes " +
                        "nothing; the same key with another body is 422; a retry while the first is still running is 409. Keys are kept " +
                        "24 hours. An error answer (4xx) changed nothing and is not kept: a retry with the same key runs again. A POST without the header is 400. Errors are RFC 9457 problem details; `errors` names each field at " +
                        "fault. Requests are limited per key (Cad:RequestsPerMinute); over it, 429 with Retry-After.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthentication.Header,
                    Description = "The CAD client's key, shown once when it is made on /admin/cad-keys.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] }];
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = CadPosts.KeyHeader,
                        In = ParameterLocation.Header,
                        Required = true,
                        Description = "Unique per operation (a UUID), the same on every retry of it; 1-255 printable ASCII characters, " +
                                      "bare or as a structured-field string (\"…\"). Missing: 400. Kept 24 hours.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = CadIdempotency.MaxKeyLength },
                    });
                }

                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapCadOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(CadApiExtensions.Policy);
        endpoints.MapGet(ReferencePath, () => Results.Content(ReferencePage, "text/html; charset=utf-8"))
            .RequireAuthorization(CadApiExtensions.Policy).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>No inline script or style: the page's own script is cad/reference.js (CSP script-src 'self').</summary>
    private const string ReferencePage = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>BIS CAD API reference</title>
            <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
            <link rel="stylesheet" href="/lib/swagger-ui-dist/swagger-ui.css" />
            <link rel="stylesheet" href="/cad/reference.css" />
        </head>
        <body>
            <div id="reference" data-document="/openapi/v1.json"></div>
            <script src="/lib/swagger-ui-dist/swagger-ui-bundle.js"></script>
            <script src="/cad/reference.js"></script>
        </body>
        </html>
        """;
}
