using System.Globalization;
using MongoDB.Driver;
using NextLevel.Api.Backup;
using NextLevel.Api.Identity;
using NextLevel.Api.Seeding;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Tools;

/// <summary>
/// The Api's maintenance commands, run instead of the web server when the first argument names one:
/// <c>seed --leads N [--seed S] [--now ISO-8601]</c>, <c>backup &lt;dir&gt;</c>, <c>restore &lt;dir&gt;</c>,
/// <c>create-admin --email E --name N</c> (prints a generated one-time password), <c>verify-ledger [--phone P]</c>
/// (exit 0 when the consent ledger is intact, 1 when not; LedgerCommand).
/// They use the same connection string as the service (ConnectionStrings:mongodb).
/// </summary>
internal static class ApiCommandLine
{
    private const string Usage = "usage: NextLevel.Api seed --leads <n> [--seed <n>] [--now <ISO-8601 UTC>] | backup <dir> | restore <dir> | create-admin --email <email> --name <display name> | verify-ledger [--phone <E.164>]";

    /// <summary>The exit code when <paramref name="args"/> named a command, null to start the web server.</summary>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("seed" or "backup" or "restore" or "create-admin" or "verify-ledger")) return null;

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
        try
        {
            return args[0] switch
            {
                "seed" => await SeedAsync(args[1..], cancellation.Token),
                "backup" => await BackupAsync(args[1..], cancellation.Token),
                "create-admin" => await CreateAdminAsync(args[1..], cancellation.Token),
                "verify-ledger" => await VerifyLedgerAsync(args[1..], cancellation.Token),
                _ => await RestoreAsync(args[1..], cancellation.Token),
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or MongoException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> SeedAsync(string[] args, CancellationToken cancellationToken)
    {
        int? leads = null;
        var seed = 42;
        var now = DateTime.UtcNow;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--leads" when int.TryParse(value, out var n) && n > 0: leads = n; i++; break;
                case "--seed" when int.TryParse(value, out var s): seed = s; i++; break;
                case "--now" when DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t): now = t; i++; break;
                default: return UsageError($"seed: unexpected argument '{args[i]}'");
            }
        }
        if (leads is null) return UsageError("seed: --leads <n> is required");

        var database = OpenDatabase();
        var progress = ConsoleProgress.ForStandardError("seeding", leads.Value);
        var summary = await new DemoDataSeeder(database).RunAsync(new SeedOptions(leads.Value, seed, now), new Progress<long>(progress.Report), cancellationToken);
        progress.Report(leads.Value);
        foreach (var (collection, count) in summary.DocumentsPerCollection.OrderBy(p => p.Key, StringComparer.Ordinal))
            Console.WriteLine($"{collection,-20} {count,10:N0}");
        Console.WriteLine($"seeded {leads:N0} leads in {summary.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static async Task<int> BackupAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length != 1) return UsageError("backup: give exactly one directory");
        var summary = await new MongoDumpWriter(OpenDatabase()).WriteAsync(args[0], new Progress<string>(c => Console.Error.WriteLine($"  backing up {c}")), cancellationToken);
        Console.WriteLine($"backed up {summary.DocumentsPerCollection.Values.Sum():N0} documents in {summary.DocumentsPerCollection.Count} collections to {summary.Directory}");
        return 0;
    }

    private static async Task<int> RestoreAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length != 1) return UsageError("restore: give exactly one directory");
        if (!Directory.Exists(args[0])) return UsageError($"restore: directory not found: {args[0]}");
        var summary = await new MongoDumpReader(OpenDatabase()).RestoreAsync(args[0], new Progress<string>(c => Console.Error.WriteLine($"  restoring {c}")), cancellationToken);
        Console.WriteLine($"restored {summary.DocumentsPerCollection.Values.Sum():N0} documents in {summary.DocumentsPerCollection.Count} collections");
        return 0;
    }

    private static async Task<int> CreateAdminAsync(string[] args, CancellationToken cancellationToken)
    {
        string? email = null, name = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--email" when value is not null: email = value; i++; break;
                case "--name" when value is not null: name = value; i++; break;
                default: return UsageError($"create-admin: unexpected argument '{args[i]}'");
            }
        }
        var errors = new Dictionary<string, string[]>();
        IdentityValidation.Email(errors, email);
        IdentityValidation.DisplayName(errors, name);
        if (errors.Count > 0) return UsageError("create-admin: " + string.Join(" ", errors.Values.SelectMany(v => v)));

        var password = IdentityApi.GeneratePassword();
        var user = await new StaffUserStore(OpenDatabase(), TimeProvider.System).CreateAsync(email!, name!, [StaffRoles.Admin], password, null, cancellationToken);
        if (user is null) return UsageError("create-admin: a user with this email exists");
        Console.WriteLine($"created admin {user.Id}");
        Console.WriteLine($"one-time password: {password}");
        Console.WriteLine("sign in with it (POST /api/auth/token), then have an admin set a new one (POST /api/users/{id}/password)");
        return 0;
    }

    private static async Task<int> VerifyLedgerAsync(string[] args, CancellationToken cancellationToken)
    {
        var code = await LedgerCommand.VerifyAsync(args, OpenDatabase, Console.Out, cancellationToken);
        return code == LedgerCommand.UsageErrorCode ? UsageError("verify-ledger: give at most --phone <E.164 number>") : code;
    }

    /// <summary>The same connection string and database resolution as the service (ServiceDefaults' AddMongoDBClient).</summary>
    private static IMongoDatabase OpenDatabase()
    {
        var builder = Host.CreateApplicationBuilder([]);
        builder.AddMongoDBClient("mongodb");
        DomainMongoMappings.Register();
        var host = builder.Build();
        return host.Services.GetRequiredService<IMongoDatabase>();
    }

    private static int UsageError(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
