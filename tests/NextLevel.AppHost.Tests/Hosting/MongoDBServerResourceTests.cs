using NextLevel.AppHost.Hosting.ApplicationModel;

namespace NextLevel.AppHost.Tests.Hosting;

public class MongoDBServerResourceTests
{
    [Theory]
    [InlineData("mongodb://127.0.0.1:27017/", "mongodb://127.0.0.1:27017/next_level_real_estate")]
    [InlineData("mongodb://127.0.0.1:27017", "mongodb://127.0.0.1:27017/next_level_real_estate")]
    [InlineData("mongodb://a:1,b:2/admin?replicaSet=rs0", "mongodb://a:1,b:2/next_level_real_estate?replicaSet=rs0")]
    public void Database_becomes_the_path_of_the_connection_string(string serverUrl, string expected)
    {
        Assert.Equal(expected, MongoDBServerResource.WithDatabase(serverUrl, "next_level_real_estate"));
    }
}
