namespace Scrubber.Audit;

/// <summary>Creates folders for the store and what is kept beside it readable by their owner only (0700).</summary>
public static class OwnerOnlyFolder
{
    /// <summary>User read, write and search.</summary>
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> and every missing folder above it, each owner-only; folders that exist
    /// already keep their mode (they are the operator's).</summary>
    /// <remarks><see cref="Directory.CreateDirectory(string, UnixFileMode)"/> gives the mode to the last folder only and
    /// creates the missing ones above it with the default 0755, so each level is created here on its own.</remarks>
    public static void Create(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
            return;
        }

        var missing = new Stack<string>();
        for (var folder = full; folder is not null && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
        {
            missing.Push(folder);
        }

        while (missing.TryPop(out var folder))
        {
            Directory.CreateDirectory(folder, Mode);
        }
    }
}
