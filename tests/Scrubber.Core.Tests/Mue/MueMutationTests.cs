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
        MutatedTableFiles.AssertLoadOrRefusal(sample, _temp.File(MueFileName.CmsName(program, MueTableKind.Practitioner, new DateOnly(2026, 7, 1))), seed, Mutations,
            path => Assert.Single(MueLoader.Load(program, MueTableKind.Practitioner, "Mue:Practitioner", [path], new RecordingLoadReport()).Releases).Info.Codes,
            MueFileReader.MaxRows);
    }
}
