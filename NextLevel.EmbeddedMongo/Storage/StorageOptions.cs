using NextLevel.EmbeddedMongo.Storage.Durability;

namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>Where and how the engine keeps its data.</summary>
public sealed class StorageOptions
{
    /// <summary>Directory for journal and checkpoints; null keeps everything in memory (tests).</summary>
    public string? DataDirectory { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan TtlMonitorInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>A checkpoint starts early once the journal grows past this many bytes.</summary>
    public long CheckpointJournalBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>File access used by the journal and checkpoints; tests substitute one that tears writes.</summary>
    public IStorageFileSystem FileSystem { get; init; } = PhysicalStorageFileSystem.Instance;

    /// <summary>Where recovery and checkpoint messages go (never document contents); null is silent.</summary>
    public Action<string>? Log { get; init; }
}
