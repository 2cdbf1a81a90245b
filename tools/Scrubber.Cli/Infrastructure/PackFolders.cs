using Scrubber.Core.Packs;

namespace Scrubber.Cli;

/// <summary>Finds the packs a rule command works on: one pack folder, or every pack folder in a packs folder.</summary>
internal static class PackFolders
{
    /// <exception cref="CommandFailedException">The folder is not there (exit 3).</exception>
    /// <exception cref="UsageException">It holds no pack.</exception>
    public static IReadOnlyList<string> Find(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(Path.Combine(full, PackLoader.PackFileName)))
        {
            return [full];
        }

        if (!Directory.Exists(full))
        {
            throw new CommandFailedException(ExitCodes.Unavailable, $"{path}: no such folder.");
        }

        var packs = Directory.GetDirectories(full).Where(d => File.Exists(Path.Combine(d, PackLoader.PackFileName))).Order(StringComparer.Ordinal).ToList();
        return packs.Count > 0 ? packs : throw new UsageException($"'{path}' holds no pack (a folder with pack.json) and no pack folders.");
    }
}
