using NextLevel.AppHost.Dashboard;

namespace NextLevel.AppHost.Tests.Hosting;

public class SecretMaskerTests
{
    [Fact]
    public void Password_of_a_connection_string_url_is_masked()
    {
        var masked = SecretMasker.MaskVariable("ConnectionStrings__mongodb", "mongodb+srv://app:s3cr3t@cluster0.example.net/next_level_real_estate");

        Assert.Equal("mongodb+srv://app:****@cluster0.example.net/next_level_real_estate", masked);
    }

    [Fact]
    public void Password_of_a_key_value_connection_string_is_masked()
    {
        Assert.Equal("Host=db;Password=****;Database=x", SecretMasker.MaskConnectionString("Host=db;Password=s3cr3t;Database=x"));
    }

    [Theory]
    [InlineData("TWILIO_AUTH_TOKEN")]
    [InlineData("ElevenLabs__ApiKey")]
    [InlineData("SMTP_PASSWORD")]
    [InlineData("Jwt__Secret")]
    public void Variables_named_as_secrets_are_masked_whole(string name)
    {
        Assert.Equal(SecretMasker.Mask, SecretMasker.MaskVariable(name, "value-123"));
    }

    [Theory]
    [InlineData("ASPNETCORE_URLS", "http://127.0.0.1:5000")]
    [InlineData("ConnectionStrings__mongodb", "mongodb://127.0.0.1:27017/next_level_real_estate")]
    [InlineData("services__api__http__0", "http://127.0.0.1:5001")]
    public void Ordinary_variables_are_shown_as_they_are(string name, string value)
    {
        Assert.Equal(value, SecretMasker.MaskVariable(name, value));
    }
}
