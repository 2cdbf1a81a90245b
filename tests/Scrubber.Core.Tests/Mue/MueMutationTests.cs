using Scrubber.Core.Mue;
using Scrubber.Core.Ncci;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Mue;

/// <summary>Seeded byte mutations of the MUE excerpt and the Medicaid sample: each loads or fails with <see cref="NcciLoadException"/> naming the
/// file; no other exception escapes the loader, and nothing hangs.</summary>
public sealed class MueMutationTests : IDisposable
{
    private const int Mutations = 300;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> CorpusSamples =>
        Directory.Exists(SharedCorpus.Ncci) ? [.. Directory.GetFiles(SharedCorpus.Ncci, "MCR_MUE_*.csv").Order(StringComparer.Ordinal)] : ["(absent)"];

    [Fact]
    public void Load_MutatedExcerpt_LoadsOrThrowsNcciLoadException() => AssertOnlyDocumentedFailures(RepositoryPaths.MueExcerpt, seed: 1);

    [Fact]
    public void Load_MutatedMedicaidSample_LoadsOrThrowsNcciLoadException() =>
        AssertOnlyDocumentedFailures(RepositoryPaths.MedicaidMuePractitionerSample, seed: 3, NcciProgram.Medicaid);

    [SharedCorpusTheory(Corpus = "ncci")]
    [MemberData(nameof(CorpusSamples))]
    public void Load_MutatedCorpusSample_LoadsOrThrowsNcciLoadException(string sample) => AssertOnlyDocumentedFailures(sample, seed: 2);

    private void AssertOnlyDocumentedFailures(string sample, int seed, NcciProgram program = NcciProgram.Medicare)
    {
        var path = _temp.File(MueFileName.CmsName(program, MueTableKind.Practitioner, new DateOnly(2026, 7, 1)));
        int loaded = 0, refused = 0;
        foreach (var mutation in ByteMutator.Mutate(File.ReadAllBytes(sample), seed, Mutations))
        {
            File.WriteAllBytes(path, mutation.Bytes);
            try
            {
                var set = MueLoader.Load(program, MueTableKind.Practitioner, "Mue:Practitioner", [path], new RecordingLoadReport());
                Assert.InRange(Assert.Single(set.Releases).Info.Codes, 1, MueFileReader.MaxRows);
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
