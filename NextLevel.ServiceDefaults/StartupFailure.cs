namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Ends a service that cannot start because of its configuration: one actionable line on stderr and a non-zero exit.
/// A misconfiguration is the operator's to fix, so a stack trace would only hide the line that says how.
/// </summary>
public static class StartupFailure
{
    /// <summary>The exit code of a configuration error (EX_CONFIG of sysexits.h).</summary>
    public const int ConfigurationErrorExitCode = 78;

    /// <summary>Writes <paramref name="message"/> as one line on stderr and exits the process.</summary>
    public static void ExitWithConfigurationError(string message)
    {
        var oneLine = message.ReplaceLineEndings(" ");
        Console.Error.WriteLine($"{AppDomain.CurrentDomain.FriendlyName}: {oneLine}");
        Console.Error.Flush();
        Environment.Exit(ConfigurationErrorExitCode);
    }
}
