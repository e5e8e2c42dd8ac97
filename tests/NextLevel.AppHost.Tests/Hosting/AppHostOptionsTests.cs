using NextLevel.AppHost.Hosting;

namespace NextLevel.AppHost.Tests.Hosting;

public class AppHostOptionsTests
{
    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        Assert.True(AppHostOptions.TryParse([], out var options, out _));

        Assert.Equal(18888, options.DashboardPort);
        Assert.Equal(18889, options.OtlpGrpcPort);
        Assert.Equal(18890, options.OtlpHttpPort);
        Assert.False(options.DashboardUnsecured);
        Assert.Equal(MongoPreference.Auto, options.Mongo);
        Assert.Equal(Path.GetFullPath(".nextlevel/data"), options.DataDirectory);
    }

    [Fact]
    public void Options_are_read_in_both_spellings_and_others_are_left_to_configuration()
    {
        Assert.True(AppHostOptions.TryParse(
            ["--data-dir", "/tmp/nl", "--dashboard-port=19999", "--mongo", "Embedded", "--ConnectionStrings:mongodb=mongodb://x/"],
            out var options, out _));

        Assert.Equal("/tmp/nl", options.DataDirectory);
        Assert.Equal(19999, options.DashboardPort);
        Assert.Equal(MongoPreference.Embedded, options.Mongo);
    }

    [Fact]
    public void Otlp_ports_and_the_unsecured_switch_are_read()
    {
        Assert.True(AppHostOptions.TryParse(["--otlp-grpc-port", "4317", "--otlp-http-port=4318", "--dashboard-unsecured"], out var options, out _));

        Assert.Equal(4317, options.OtlpGrpcPort);
        Assert.Equal(4318, options.OtlpHttpPort);
        Assert.True(options.DashboardUnsecured);
    }

    [Theory]
    [InlineData("--otlp-grpc-port", "0")]
    [InlineData("--otlp-http-port", "grpc")]
    [InlineData("--dashboard-port", "http")]
    [InlineData("--dashboard-port", "70000")]
    [InlineData("--mongo", "atlas")]
    [InlineData("--mongo", "3")]
    public void Bad_values_are_refused_with_one_line(string option, string value)
    {
        Assert.False(AppHostOptions.TryParse([option, value], out _, out var error));

        Assert.NotNull(error);
        Assert.Contains(option, error);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public void Option_without_a_value_is_refused()
    {
        Assert.False(AppHostOptions.TryParse(["--data-dir"], out _, out var error));

        Assert.Equal("--data-dir needs a value.", error);
    }
}
