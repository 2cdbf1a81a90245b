using System.Text;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;
using Scrubber.Core.Ncci.Snapshots;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Ncci;

public sealed class NcciSnapshotFileTests : IDisposable
{
    private static readonly DateOnly[] Dates =
        [new(2018, 7, 1), new(2022, 1, 1), new(2023, 12, 31), new(2024, 1, 1), new(2026, 7, 1), new(2026, 10, 15)];

    private readonly TempDirectory _temp = new();
    private readonly RecordingLoadReport _report = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Snapshot_OfTwoReleases_AnswersEveryLookupExactlyAsTheTextFilesDo()
    {
        var text = LoadTwoReleases();
        var path = _temp.File("ccipra.ncci");

        NcciSnapshotFile.Write(path, text);
        var snapshot = NcciLoader.Load(NcciTableKind.Practitioner, "Ncci:Practitioner", [path], _report);

        Assert.Equal(text.Releases.Select(r => r.Info.TableVersion), snapshot.Releases.Select(r => r.Info.TableVersion));
        var found = 0;
        for (var r = 0; r < text.Releases.Length; r++)
        {
            var (before, after) = (text.Releases[r], snapshot.Releases[r]);
            Assert.Equal(before.Info.Rows, after.Info.Rows);
            Assert.Equal<string>(before.Info.Files, after.Info.Files);
            Assert.Equal(before.IndexBytes, after.IndexBytes);
            foreach (var (column1, column2) in PairsOfExcerpt())
            {
                foreach (var date in Dates)
                {
                    var hit = before.TryFind(column1, column2, date, out var expected);
                    Assert.Equal(hit, after.TryFind(column1, column2, date, out var actual));
                    Assert.Equal(expected, actual);
                    Assert.Equal(before.TryFind(column2, column1, date, out expected), after.TryFind(column2, column1, date, out actual));
                    Assert.Equal(expected, actual);
                    found += hit ? 1 : 0;
                }
            }
        }

        Assert.True(found > 100, $"only {found} lookups found an edit; the comparison proves little");

        Assert.Contains(_report.Files, f => f.File == path && f.Rows == text.Releases.Sum(x => x.Info.Rows));
    }

    [Fact]
    public void Snapshot_TruncatedAnywhere_IsRefusedNamingTheFile()
    {
        var path = _temp.File("ccipra.ncci");
        NcciSnapshotFile.Write(path, LoadTwoReleases());
        var bytes = File.ReadAllBytes(path);

        foreach (var length in new[] { 0, 4, 8, 13, 40, bytes.Length / 3, bytes.Length / 2, bytes.Length - 33, bytes.Length - 1 })
        {
            File.WriteAllBytes(path, bytes[..length]);

            var ex = Assert.Throws<NcciLoadException>(() => NcciSnapshotFile.Read(path, NcciTableKind.Practitioner));

            Assert.StartsWith($"'{path}' is not a usable NCCI snapshot:", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Snapshot_OneByteChanged_FailsTheChecksumOrTheConsistencyCheck()
    {
        var path = _temp.File("ccipra.ncci");
        NcciSnapshotFile.Write(path, LoadTwoReleases());
        var bytes = File.ReadAllBytes(path);
        var random = new Random(7);

        for (var i = 0; i < 200; i++)
        {
            var damaged = (byte[])bytes.Clone();
            damaged[random.Next(8, damaged.Length)] ^= (byte)random.Next(1, 256);
            File.WriteAllBytes(path, damaged);

            var ex = Assert.Throws<NcciLoadException>(() => NcciSnapshotFile.Read(path, NcciTableKind.Practitioner));

            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Snapshot_NotASnapshot_SaysHowToMakeOne()
    {
        var path = _temp.File("ccipra.ncci");
        File.Copy(RepositoryPaths.PractitionerExcerpt, path);

        var ex = Assert.Throws<NcciLoadException>(() => NcciSnapshotFile.Read(path, NcciTableKind.Practitioner));

        Assert.Contains("does not start with SCRBNCCI (write snapshots with 'scrubctl ncci compile')", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_OfAnotherFormatVersion_AsksToCompileAgain()
    {
        var path = _temp.File("ccipra.ncci");
        NcciSnapshotFile.Write(path, LoadTwoReleases());
        var bytes = File.ReadAllBytes(path);
        bytes[8] = 99;
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<NcciLoadException>(() => NcciSnapshotFile.Read(path, NcciTableKind.Practitioner));

        Assert.Contains("it is format 99 and this build reads format 1; compile it again", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_OfTheOtherTable_IsRefused()
    {
        var path = _temp.File("ccioph.ncci");
        NcciSnapshotFile.Write(path, NcciLoader.Load(NcciTableKind.OutpatientHospital, "x", [RepositoryPaths.OutpatientSample], _report));

        var ex = Assert.Throws<NcciLoadException>(() => NcciLoader.Load(NcciTableKind.Practitioner, "Ncci:Practitioner", [path], _report));

        Assert.Contains("it holds the ccioph table, not ccipra", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SnapshotAndTheSameReleaseAsText_IsRefusedAsGivenTwice()
    {
        var path = _temp.File("ccipra.ncci");
        NcciSnapshotFile.Write(path, NcciLoader.Load(NcciTableKind.Practitioner, "x", [RepositoryPaths.PractitionerExcerpt], _report));

        var ex = Assert.Throws<NcciLoadException>(() =>
            NcciLoader.Load(NcciTableKind.Practitioner, "Ncci:Practitioner", [path, RepositoryPaths.PractitionerExcerpt], _report));

        Assert.Equal("Ncci:Practitioner: release ccipra-v322r0 is given twice (in a snapshot and in text files, or in two snapshots).", ex.Message);
    }

    [Fact]
    public void Load_SnapshotBesideAnotherReleaseAsText_KeepsBothReleases()
    {
        var path = _temp.File("ccipra.ncci");
        NcciSnapshotFile.Write(path, NcciLoader.Load(NcciTableKind.Practitioner, "x", [RepositoryPaths.PractitionerExcerpt], _report));
        var older = PtpFiles.Write(_temp.File("ccipra-v321r0-f1.txt"), PtpFiles.Row("0001U", "0030U", "20180701", "*", "0"));

        var set = NcciLoader.Load(NcciTableKind.Practitioner, "Ncci:Practitioner", [path, older], _report);

        Assert.Equal(["ccipra-v321r0", "ccipra-v322r0"], set.Releases.Select(r => r.Info.TableVersion));
    }

    private NcciTableSet LoadTwoReleases()
    {
        var older = PtpFiles.Write(_temp.File("ccipra-v321r0-f1.txt"),
            PtpFiles.Row("0001A", "36591", "20220101", "20231231", "1"),
            PtpFiles.Row("0001U", "0030U", "20180701", "*", "0", "Misuse of Column Two code with Column One code"),
            PtpFiles.Row("0001U", "0030U", "20180701", "20200101", "1", "CPT Manual or CMS manual coding instruction", "*"));
        return NcciLoader.Load(NcciTableKind.Practitioner, "Ncci:Practitioner", [RepositoryPaths.PractitionerExcerpt, older], _report);
    }

    private static IEnumerable<(HcpcsCode, HcpcsCode)> PairsOfExcerpt() =>
        File.ReadLines(RepositoryPaths.PractitionerExcerpt, Encoding.Latin1)
            .Skip(6)
            .Select(line => line.Split('\t'))
            .Select(cells => (HcpcsCode.Parse(cells[0]), HcpcsCode.Parse(cells[1])));
}
