using System.Net;
using System.Text;

namespace NextLevel.Api.Tests.Compliance;

public sealed class ComplianceAuthorizationTests(ComplianceApiFixture fixture) : IClassFixture<ComplianceApiFixture>
{
    private static readonly string Id = MongoDB.Bson.ObjectId.GenerateNewId().ToString();

    [Theory]
    [InlineData("GET", "/api/compliance/can-contact/{id}?channel=call")]
    [InlineData("POST", "/api/leads/{id}/consent")]
    [InlineData("POST", "/api/leads/{id}/consent/revoke")]
    [InlineData("GET", "/api/compliance/dnc/+12065550100")]
    [InlineData("POST", "/api/compliance/dnc/+12065550100")]
    [InlineData("DELETE", "/api/compliance/dnc/+12065550100")]
    [InlineData("POST", "/api/compliance/dnc/import?source=national")]
    public async Task Staff_endpoints_refuse_anonymous_requests_and_write_nothing(string method, string url)
    {
        var before = await fixture.SnapshotAsync();
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url.Replace("{id}", Id, StringComparison.Ordinal).Replace("+", "%2B", StringComparison.Ordinal))
        {
            Content = method == "GET" ? null : new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await fixture.SnapshotAsync());
    }
}
