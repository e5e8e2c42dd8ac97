using Microsoft.Extensions.Hosting;

namespace NextLevel.ServiceDefaults.Tests.MongoDB;

public class MongoDBConnectionTests
{
    [Fact]
    public void Database_is_the_path_of_the_connection_string()
    {
        Assert.True(MongoDBConnection.TryParse("mongodb://127.0.0.1:27017/crm_test", "mongodb", out var connection, out _));

        Assert.Equal("crm_test", connection.DatabaseName);
    }

    [Theory]
    [InlineData("mongodb://127.0.0.1:27017")]
    [InlineData("mongodb://127.0.0.1:27017/")]
    [InlineData("mongodb://127.0.0.1:27017/?directConnection=true")]
    public void Database_defaults_to_next_level_real_estate(string connectionString)
    {
        Assert.True(MongoDBConnection.TryParse(connectionString, "mongodb", out var connection, out _));

        Assert.Equal("next_level_real_estate", connection.DatabaseName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_connection_string_is_one_line_that_says_what_to_set(string? connectionString)
    {
        Assert.False(MongoDBConnection.TryParse(connectionString, "mongodb", out _, out var error));

        Assert.DoesNotContain('\n', error);
        Assert.Contains("ConnectionStrings:mongodb is not set", error);
        Assert.Contains("ConnectionStrings__mongodb=mongodb://", error);
    }

    [Fact]
    public void Connection_string_of_another_database_is_rejected()
    {
        Assert.False(MongoDBConnection.TryParse("Host=db;Username=app;Password=pw", "mongodb", out _, out var error));

        Assert.Contains("must start with mongodb:// or mongodb+srv://", error);
        Assert.DoesNotContain("pw", error);
    }

    [Fact]
    public void Malformed_connection_string_is_reported_without_its_password()
    {
        Assert.False(MongoDBConnection.TryParse("mongodb://admin:s3cr3t@db.example:notaport/app", "mongodb", out _, out var error));

        Assert.Contains("ConnectionStrings:mongodb is malformed", error);
        Assert.DoesNotContain("s3cr3t", error);
        Assert.DoesNotContain('\n', error);
    }
}
