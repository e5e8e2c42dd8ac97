using System.Text;

namespace NextLevel.AppHost.Hosting.Orchestration;

/// <summary>The table printed at start: where each resource is, and where the ops page is.</summary>
internal static class ResourceTable
{
    public static string Format(IReadOnlyList<IResourceRunner> runners, AppHostOptions options)
    {
        var nameWidth = Math.Max("resource".Length, runners.Max(r => r.Resource.Name.Length));
        var kindWidth = Math.Max("kind".Length, runners.Max(r => r.Resource.Kind.Length));
        var table = new StringBuilder();
        table.AppendLine("Resources:");
        table.AppendLine($"  {"resource".PadRight(nameWidth)}  {"kind".PadRight(kindWidth)}  url");
        foreach (var runner in runners)
        {
            table.AppendLine($"  {runner.Resource.Name.PadRight(nameWidth)}  {runner.Resource.Kind.PadRight(kindWidth)}  {runner.Describe()}");
        }
        table.Append($"  Ops page: http://127.0.0.1:{options.DashboardPort}  (Ctrl+C stops everything)");
        return table.ToString();
    }
}
