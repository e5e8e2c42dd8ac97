using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NextLevel.Api.Tests.Infrastructure;

namespace NextLevel.Api.Tests.Dashboard;

/// <summary>The staff endpoints are documented in /openapi/v1.json: each with a name, a summary and its responses.</summary>
public class StaffApiDocumentTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    public static TheoryData<string, string> Operations => new()
    {
        { "/api/auth/token", "post" }, { "/api/auth/setup", "post" }, { "/api/auth/me", "get" },
        { "/api/users", "get" }, { "/api/users", "post" }, { "/api/users/{id}", "put" }, { "/api/users/{id}/password", "post" },
        { "/api/leads", "get" }, { "/api/leads/export.csv", "get" }, { "/api/leads/{id}", "get" }, { "/api/leads/{id}/status", "patch" },
        { "/api/leads/{id}/notes", "post" }, { "/api/leads/{id}/tags", "put" },
        { "/api/properties/{id}", "get" }, { "/api/properties/{id}/valuation", "put" },
        { "/api/campaigns", "get" }, { "/api/campaigns", "post" }, { "/api/campaigns/{id}", "get" }, { "/api/campaigns/{id}", "put" },
        { "/api/campaigns/{id}/activate", "post" }, { "/api/campaigns/{id}/pause", "post" }, { "/api/campaigns/{id}/complete", "post" },
        { "/api/campaigns/{id}/targeting-preview", "get" }, { "/api/campaigns/{id}/metrics", "get" },
        { "/api/dashboard/campaign-performance", "get" }, { "/api/dashboard/funnel", "get" }, { "/api/dashboard/kpis", "get" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Each_staff_endpoint_has_a_name_summary_and_responses(string path, string method)
    {
        var document = await api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is not documented");
        Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is not documented");
        Assert.False(string.IsNullOrEmpty(operation.GetProperty("operationId").GetString()));
        Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
        Assert.Contains(operation.GetProperty("responses").EnumerateObject(), r => r.Name.StartsWith('2'));
    }

    [Fact]
    public async Task The_bearer_scheme_is_declared()
    {
        var document = await api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task The_scalar_reference_is_served()
    {
        var response = await api.CreateClient().GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
