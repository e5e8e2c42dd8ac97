using System.Diagnostics.CodeAnalysis;
using MongoDB.Driver;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A validated MongoDB connection: the parsed URL and the database it names.
/// The database is the URL's path (<c>mongodb://host:27017/next_level_real_estate</c>), as in Aspire's contract.
/// </summary>
public sealed record MongoDBConnection(MongoUrl Url, string DatabaseName)
{
    /// <summary>The database used when the connection string names none.</summary>
    public const string DefaultDatabaseName = "next_level_real_estate";

    /// <summary>
    /// Parses the connection string <c>ConnectionStrings:{connectionName}</c>. On failure <paramref name="error"/> is one
    /// actionable sentence that never repeats the connection string, which may hold a password.
    /// </summary>
    public static bool TryParse(
        string? connectionString,
        string connectionName,
        [NotNullWhen(true)] out MongoDBConnection? connection,
        [NotNullWhen(false)] out string? error)
    {
        connection = null;
        var setting = $"ConnectionStrings:{connectionName}";
        var example = $"set ConnectionStrings__{connectionName}=mongodb://127.0.0.1:27017/{DefaultDatabaseName}, or run the system with 'dotnet run --project NextLevel.AppHost'";

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = $"{setting} is not set: {example}.";
            return false;
        }

        if (!connectionString.StartsWith("mongodb://", StringComparison.OrdinalIgnoreCase) &&
            !connectionString.StartsWith("mongodb+srv://", StringComparison.OrdinalIgnoreCase))
        {
            error = $"{setting} is not a MongoDB connection string (it must start with mongodb:// or mongodb+srv://): {example}.";
            return false;
        }

        MongoUrl url;
        try
        {
            url = MongoUrl.Create(connectionString);
        }
        catch (Exception exception) when (exception is MongoConfigurationException or FormatException or ArgumentException)
        {
            var reason = exception.Message.Replace(connectionString, "<connection string>", StringComparison.Ordinal).TrimEnd('.');
            error = $"{setting} is malformed ({reason}): {example}.";
            return false;
        }

        connection = new MongoDBConnection(url, string.IsNullOrEmpty(url.DatabaseName) ? DefaultDatabaseName : url.DatabaseName);
        error = null;
        return true;
    }
}
