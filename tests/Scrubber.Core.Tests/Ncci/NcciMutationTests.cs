using Scrubber.Core.Ncci;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Ncci;

/// <summary>Seeded byte mutations of the PTP samples, Medicare's and Medicaid's (whose layout is found from the mutated
/// bytes): each loads (with malformed rows named) or fails with
/// <see cref="NcciLoadException"/>; no other exception escapes the loader.</summary>
public sealed class NcciMutationTests : IDisposable
{
    private const int Mutations = 150;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Samples => [.. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "rules", "ncci"), "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    public static TheoryData<string> CorpusSamples =>
        Directory.Exists(SharedCorpus.Ncci) ? [.. Directory.GetFiles(SharedCorpus.Ncci, "cci*.txt").Order(StringComparer.Ordinal)] : ["(absent)"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Load_MutatedSample_LoadsOrThrowsNcciLoadException(string sample) => AssertOnlyDocumentedFailures(sample, seed: 1);

    [SharedCorpusTheory(Corpus = "ncci")]
    [MemberData(nameof(CorpusSamples))]
    public void Load_MutatedCorpusSample_LoadsOrThrowsNcciLoadException(string sample) => AssertOnlyDocumentedFailures(sample, seed: 2);

    private void AssertOnlyDocumentedFailures(string sample, int seed)
    {
        var name = Path.GetFileName(sample);
        var kind = name.Contains("oph", StringComparison.OrdinalIgnoreCase) ? NcciTableKind.OutpatientHospital : NcciTableKind.Practitioner;
        var program = name.StartsWith("MCD", StringComparison.OrdinalIgnoreCase) ? NcciProgram.Medicaid : NcciProgram.Medicare;
        var path = _temp.File(name);
        var refusedOrMalformed = 0;
        foreach (var mutation in ByteMutator.Mutate(File.ReadAllBytes(sample), seed, Mutations))
        {
            File.WriteAllBytes(path, mutation.Bytes);
            var report = new RecordingLoadReport();
            try
            {
                NcciLoader.Load(program, kind, "Ncci:Table", [path], report);
                Assert.All(report.Malformed, row => Assert.True(row.File == path && row.Line > 0, $"{row} does not name the file and line"));
                refusedOrMalformed += report.Malformed.IsEmpty ? 0 : 1;
            }
            catch (NcciLoadException ex)
            {
                Assert.Contains(path, ex.Message, StringComparison.Ordinal);
                refusedOrMalformed++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"{name}, seed {seed}, {mutation.Description}: {ex.GetType().Name} escaped the loader: {ex}");
            }
        }

        Assert.True(refusedOrMalformed > 0, $"{name}, seed {seed}: no mutation was noticed; the mutations do not reach the rows");
    }
}
