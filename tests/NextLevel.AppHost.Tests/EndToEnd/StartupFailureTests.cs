using System.Diagnostics;

namespace NextLevel.AppHost.Tests.EndToEnd;

/// <summary>A service started without a usable MongoDB connection string says so in one line and exits.</summary>
public sealed class StartupFailureTests
{
    private const int ConfigurationErrorExitCode = 78;

    [Theory]
    [InlineData(null, "ConnectionStrings:mongodb is not set")]
    [InlineData("mongodb://admin:s3cr3t@db.example:notaport/app", "ConnectionStrings:mongodb is malformed")]
    public async Task Api_without_a_usable_connection_string_exits_with_one_actionable_line(string? connectionString, string expected)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(new Projects.NextLevel_Api().ProjectPath)!,
        };
        startInfo.ArgumentList.Add(new Projects.NextLevel_Api().TargetPath);
        startInfo.Environment.Remove("ConnectionStrings__mongodb");
        if (connectionString is not null)
        {
            startInfo.Environment["ConnectionStrings__mongodb"] = connectionString;
        }
        startInfo.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";

        using var api = Process.Start(startInfo)!;
        var error = api.StandardError.ReadToEndAsync();
        var output = api.StandardOutput.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await api.WaitForExitAsync(deadline.Token);

        Assert.Equal(ConfigurationErrorExitCode, api.ExitCode);
        var lines = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains(expected, line);
        Assert.Contains("ConnectionStrings__mongodb=mongodb://", line);
        Assert.DoesNotContain("s3cr3t", line);
        Assert.Empty(await output);
    }
}
