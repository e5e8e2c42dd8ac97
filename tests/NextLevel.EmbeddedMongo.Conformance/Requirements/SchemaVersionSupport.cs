namespace NextLevel.EmbeddedMongo.Conformance.Requirements;

/// <summary>
/// Which test file schema versions this runner reads: any 1.x up to <see cref="Supported"/>. Features of a newer
/// minor version that the runner lacks surface as "runner: unsupported ..." failures, never as silent passes.
/// </summary>
public static class SchemaVersionSupport
{
    public static readonly DottedVersion Supported = DottedVersion.Parse("1.22");

    public static bool IsSupported(string schemaVersion)
    {
        var version = DottedVersion.Parse(schemaVersion);
        return schemaVersion.Split('.')[0] == "1" && version <= Supported;
    }
}
