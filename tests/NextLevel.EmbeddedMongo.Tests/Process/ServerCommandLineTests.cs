using System.Net;

namespace NextLevel.EmbeddedMongo.Tests.Process;

public class ServerCommandLineTests
{
    [Fact]
    public void Port_dbpath_and_bind_are_parsed_in_any_order()
    {
        var parsed = ServerCommandLine.TryParse(["--dbpath", "/data/db", "--bind", "0.0.0.0", "--port", "0"], out var error);

        Assert.Null(error);
        Assert.Equal(new ServerCommandLine(0, "/data/db", IPAddress.Any, Verbose: false), parsed);
    }

    [Fact]
    public void Equals_form_and_verbose_flag_are_accepted()
    {
        var parsed = ServerCommandLine.TryParse(["--port=27018", "--dbpath=db", "--verbose"], out _);

        Assert.Equal(27018, parsed!.Port);
        Assert.Equal("db", parsed.DataDirectory);
        Assert.True(parsed.Verbose);
        Assert.Equal(IPAddress.Loopback, parsed.BindAddress);
    }

    [Fact]
    public void Slowms_sets_the_slow_query_threshold_and_defaults_to_100()
    {
        Assert.Equal(250, ServerCommandLine.TryParse(["--dbpath", "db", "--slowms", "250"], out _)!.SlowMilliseconds);
        Assert.Equal(100, ServerCommandLine.TryParse(["--dbpath", "db"], out _)!.SlowMilliseconds);
    }

    [Fact]
    public void Port_defaults_to_27017()
    {
        Assert.Equal(27017, ServerCommandLine.TryParse(["--dbpath", "db"], out _)!.Port);
    }

    [Theory]
    [InlineData(new[] { "--port", "1" }, "--dbpath is required")]
    [InlineData(new[] { "--dbpath", "db", "--port", "-1" }, "invalid port '-1'")]
    [InlineData(new[] { "--dbpath", "db", "extra" }, "unknown argument 'extra'")]
    [InlineData(new[] { "--dbpath", "db", "--verbose=yes" }, "unknown argument '--verbose=yes'")]
    [InlineData(new[] { "--dbpath", "db", "--port" }, "--port needs a value")]
    [InlineData(new[] { "--dbpath", "db", "--slowms", "-5" }, "invalid --slowms '-5'")]
    public void Invalid_arguments_are_reported(string[] args, string expectedError)
    {
        Assert.Null(ServerCommandLine.TryParse(args, out var error));
        Assert.Equal(expectedError, error);
    }
}
