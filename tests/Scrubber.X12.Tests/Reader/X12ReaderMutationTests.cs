using Scrubber.Testing;
using Scrubber.X12.Remittance;
using Scrubber.X12.Tests.Infrastructure;

namespace Scrubber.X12.Tests.Reader;

/// <summary>Cut and corrupted copies of every fixture: the reader and the 835 parser either succeed or throw X12FormatException.</summary>
public sealed class X12ReaderMutationTests
{
    /// <summary>Bytes that change meaning in X12: delimiters, a letter, a digit, a line break, NUL and a non-ASCII byte.</summary>
    private static readonly byte[] Replacements = [(byte)'~', (byte)'*', (byte)':', (byte)'>', (byte)'^', (byte)'_', (byte)'X', (byte)'9', (byte)'\n', 0, 0xEF];

    /// <summary>Every position of a file up to this size is mutated.</summary>
    private const int ExhaustiveUpTo = 8 * 1024;

    /// <summary>Positions sampled in a larger file: half in its first 2 KiB (the envelope), half anywhere.</summary>
    private const int Sampled = 80;

    /// <summary>Seeded mutations of each file.</summary>
    private const int SeededMutations = 120;

    [Theory]
    [MemberData(nameof(X12Fixtures.AllFiles), MemberType = typeof(X12Fixtures))]
    public void Read_FixtureCutAnywhere_SucceedsOrThrowsX12FormatException(string file)
    {
        var bytes = X12Fixtures.Bytes(file);
        var failures = 0;

        foreach (var position in Positions(bytes.Length, seed: 1))
        {
            failures += Outcome(file, bytes[..position], $"cut at {position}");
        }

        Assert.True(failures > 0, "cutting a file short should fail at least once");
    }

    [Theory]
    [MemberData(nameof(X12Fixtures.AllFiles), MemberType = typeof(X12Fixtures))]
    public void Read_FixtureWithBytesChanged_SucceedsOrThrowsX12FormatException(string file)
    {
        var original = X12Fixtures.Bytes(file);
        var failures = 0;

        foreach (var position in Positions(original.Length, seed: 2))
        {
            var replacement = Replacements[position % Replacements.Length];
            var bytes = (byte[])original.Clone();
            bytes[position] = replacement;
            failures += Outcome(file, bytes, $"byte {position} set to 0x{replacement:X2}");
        }

        Assert.True(failures > 0, "corrupting a file should fail at least once");
    }

    [Theory]
    [MemberData(nameof(X12Fixtures.AllFiles), MemberType = typeof(X12Fixtures))]
    public void Read_FixtureWithBytesDeleted_SucceedsOrThrowsX12FormatException(string file)
    {
        var original = X12Fixtures.Bytes(file);

        foreach (var position in Positions(original.Length, seed: 3))
        {
            Outcome(file, [.. original[..position], .. original[(position + 1)..]], $"byte {position} deleted");
        }
    }

    [Theory]
    [MemberData(nameof(X12Fixtures.AllFiles), MemberType = typeof(X12Fixtures))]
    public void Read_FixtureWithRangesInsertedRepeatedOrBitsFlipped_SucceedsOrThrowsX12FormatException(string file) =>
        AssertSeededMutationsRefusedCleanly(file, X12Fixtures.Bytes(file), seed: 4);

    /// <summary>The shared corpus (real de-identified payer files among them), outside the repository.</summary>
    public static TheoryData<string> CorpusFiles =>
        Directory.Exists(SharedCorpus.X12)
            ? [.. X12Fixtures.FilesUnder(SharedCorpus.X12)]
            : ["(absent)"];

    [SharedCorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Read_CorpusFileMutated_SucceedsOrThrowsX12FormatException(string file) =>
        AssertSeededMutationsRefusedCleanly(file, File.ReadAllBytes(Path.Combine(SharedCorpus.X12, file)), seed: 5);

    /// <summary>Seeded <see cref="ByteMutator"/> mutations (bit flips, ranges deleted, inserted or repeated, cuts).</summary>
    private static void AssertSeededMutationsRefusedCleanly(string file, byte[] original, int seed)
    {
        var failures = 0;
        foreach (var mutation in ByteMutator.Mutate(original, seed, SeededMutations))
        {
            failures += Outcome(file, mutation.Bytes, $"seed {seed}: {mutation.Description}");
        }

        Assert.True(failures > 0, $"{file}: no mutation was refused; the mutations do not reach the file");
    }

    /// <summary>1 when the mutated bytes were refused with an X12FormatException, 0 when they were read.</summary>
    private static int Outcome(string file, byte[] bytes, string mutation)
    {
        try
        {
            // Read leniently, as the service does, so that a mutation reaches every later stage instead of stopping at SE.
            var document = X12Reader.Read(bytes);
            if (file.StartsWith("835/", StringComparison.Ordinal))
            {
                _ = RemittanceJson.Write(Remittance835Parser.Parse(document));
            }

            return 0;
        }
        catch (X12FormatException ex)
        {
            Assert.Matches(@"byte \d+", ex.Message);
            return 1;
        }
        catch (Exception ex)
        {
            Assert.Fail($"{file} with {mutation} threw {ex.GetType().Name}, not X12FormatException: {ex}");
            return 0;
        }
    }

    private static IEnumerable<int> Positions(int length, int seed)
    {
        if (length <= ExhaustiveUpTo)
        {
            return Enumerable.Range(0, length);
        }

        var random = new Random(seed);
        return Enumerable.Range(0, Sampled).Select(i => i % 2 == 0 ? random.Next(0, 2048) : random.Next(2048, length));
    }
}
