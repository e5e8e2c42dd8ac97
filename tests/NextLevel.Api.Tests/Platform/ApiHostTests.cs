using System.Net;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Domain.Persistence.Catalogue;

namespace NextLevel.Api.Tests.Platform;

public class ApiHostTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Health_is_healthy_with_mongodb()
    {
        var response = await api.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Start_up_applied_the_collection_catalogue()
    {
        var names = await (await api.Database.ListCollectionNamesAsync()).ToListAsync();

        Assert.Equal(CollectionCatalogue.All.Select(c => c.Name).Order(), names.Order());
    }

    [Fact]
    public async Task OpenApi_document_is_served()
    {
        var response = await api.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"openapi\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_route_answers_problem_details()
    {
        var response = await api.CreateClient().GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void Each_fixture_has_a_database_of_its_own()
    {
        Assert.StartsWith("api_", api.DatabaseName, StringComparison.Ordinal);
        Assert.Equal(api.DatabaseName, api.Database.DatabaseNamespace.DatabaseName);
        _ = new BsonDocument();
    }
}
