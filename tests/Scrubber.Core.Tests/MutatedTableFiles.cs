using Scrubber.Core.Ncci;
using Scrubber.Testing;

namespace Scrubber.Core.Tests;

/// <summary>Seeded byte mutations of a table file run through its loader: the loaders' contract that a file either
/// loads or is refused with <see cref="NcciLoadException"/> naming it, and that nothing else escapes.</summary>
public static class MutatedTableFiles
{
    /// <summary>Writes each of <paramref name="mutations"/> mutations of <paramref name="sample"/> (seed
    /// <paramref name="seed"/>) to <paramref name="path"/> and loads it with <paramref name="load"/>, which returns the
    /// rows loaded: a load must hold 1 to <paramref name="maxRows"/> rows, a refusal must name the file, and the
    /// mutations must cause both.</summary>
    public static void AssertLoadOrRefusal(string sample, string path, int seed, int mutations, Func<string, long> load, long maxRows)
    {
        int loaded = 0, refused = 0;
        foreach (var mutation in ByteMutator.Mutate(File.ReadAllBytes(sample), seed, mutations))
        {
            File.WriteAllBytes(path, mutation.Bytes);
            try
            {
                Assert.InRange(load(path), 1, maxRows);
                loaded++;
            }
            catch (NcciLoadException ex)
            {
                Assert.Contains(path, ex.Message, StringComparison.Ordinal);
                refused++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"seed {seed}, {mutation.Description}: {ex.GetType().Name} escaped the loader: {ex}");
            }
        }

        Assert.True(loaded > 0 && refused > 0, $"seed {seed}: {loaded} loaded, {refused} refused; the mutations should do both");
    }
}
