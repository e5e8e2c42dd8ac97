namespace NextLevel.EmbeddedMongo.Conformance.Execution;

/// <summary>Finds the spec test files: the default directory beside the repository, and explicit files or folders.</summary>
public static class TestFileLocator
{
    public const string SolutionFileName = "NextLevel.sln";

    /// <summary>Each path is a .json file or a folder of them (searched recursively), in name order.</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    yield return file;
            }
            else if (File.Exists(path))
            {
                yield return path;
            }
            else
            {
                throw new FileNotFoundException($"no test file or folder at '{path}'", path);
            }
        }
    }

    /// <summary>
    /// The CRUD spec tests live in shared/mongo-spec/crud beside the repository (never inside it); the repository root
    /// is the folder holding the solution, found from the current directory or the application's folder.
    /// </summary>
    public static string DefaultCrudDirectory()
    {
        var root = FindRepositoryRoot(Directory.GetCurrentDirectory()) ?? FindRepositoryRoot(AppContext.BaseDirectory)
            ?? throw new DirectoryNotFoundException($"cannot find the repository root ({SolutionFileName}) above '{Directory.GetCurrentDirectory()}'");
        return Path.GetFullPath(Path.Combine(root, "..", "shared", "mongo-spec", "crud"));
    }

    public static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName))) return directory.FullName;
        }
        return null;
    }
}
