using System.IO.Compression;
using System.Text;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Ncci;

public sealed class NcciLoaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly RecordingLoadReport _report = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_RealExcerpt_IndexesEveryRowWithVersionAndPartFromTheName()
    {
        var set = NcciLoader.Load(NcciTableKind.Practitioner, "Ncci:Practitioner", [RepositoryPaths.PractitionerExcerpt], _report);

        var release = Assert.Single(set.Releases);
        Assert.Equal("ccipra-v322r0", release.Info.TableVersion);
        Assert.Equal<string>(["f1"], release.Info.Parts);
        Assert.Equal(154, release.Info.Rows);
        Assert.Equal(154, release.Info.Pairs);
        Assert.Equal(0, release.Info.MalformedRows);
        Assert.Empty(_report.Malformed);
        Assert.Equal(new DateOnly(2026, 7, 1), release.Info.AppliesFrom);
    }

    [Fact]
    public void Load_CmsZipAsDownloaded_ReadsTheUpperCaseTxtInside()
    {
        var zipPath = _temp.File("medicare-ncci-2026q3-practitioner-ptp-edits-ccipra-v322r0-f1.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(RepositoryPaths.PractitionerExcerpt, "ccipra-v322r0-f1.TXT");
            zip.CreateEntry("Read me.pdf");
        }

        var set = NcciLoader.Load(NcciTableKind.Practitioner, "Ncci:Practitioner", [zipPath], _report);

        var release = Assert.Single(set.Releases);
        Assert.Equal(154, release.Info.Rows);
        Assert.Equal($"{zipPath}!ccipra-v322r0-f1.TXT", Assert.Single(release.Info.Files));
        Assert.True(release.TryFind(HcpcsCode.Parse("0001U"), HcpcsCode.Parse("0030U"), new DateOnly(2026, 7, 1), out _));
    }

    [Fact]
    public void Load_FolderOfParts_MergesPartsIntoOneRelease()
    {
        File.Copy(RepositoryPaths.PractitionerExcerpt, _temp.File("ccipra-v322r0-f1.TXT"));
        PtpFiles.Write(_temp.File("ccipra-v322r0-f2.TXT"), PtpFiles.Row("25442", "01810", "20200101", "*", "0"));
        File.WriteAllText(_temp.File("README.md"), "not a table");

        var set = NcciLoader.Load(NcciTableKind.Practitioner, "Ncci:Practitioner", [_temp.Path], _report);

        var release = Assert.Single(set.Releases);
        Assert.Equal<string>(["f1", "f2"], release.Info.Parts);
        Assert.Equal(155, release.Info.Rows);
        Assert.True(release.TryFind(HcpcsCode.Parse("25442"), HcpcsCode.Parse("01810"), new DateOnly(2026, 1, 1), out var match));
        Assert.Equal(0, match.ModifierIndicator);
    }

    [Fact]
    public void Load_LineFeedOnlyFile_ReadsLikeCrLf()
    {
        var text = File.ReadAllText(RepositoryPaths.PractitionerExcerpt, Encoding.Latin1).Replace("\r\n", "\n", StringComparison.Ordinal);
        var path = _temp.File("ccipra-v322r0-f1.txt");
        File.WriteAllText(path, text.TrimEnd('\n'), Encoding.Latin1);

        var release = Assert.Single(NcciLoader.Load(NcciTableKind.Practitioner, "k", [path], _report).Releases);

        Assert.Equal(154, release.Info.Rows);
        Assert.Equal(0, release.Info.MalformedRows);
    }

    [Fact]
    public void Load_MalformedRows_AreCountedWithFileAndLineAndTheRestLoads()
    {
        var path = PtpFiles.Write(_temp.File("ccipra-v322r0-f1.txt"),
            PtpFiles.Row("0001U", "0030U", "20180701", "*", "1"),
            PtpFiles.Row("0001U", "0034U", "2018-07-01", "*", "1"),
            PtpFiles.Row("0001U", "0046", "20190101", "*", "1"),
            PtpFiles.Row("0001U", "0049U", "20190101", "*", "2"),
            "0001U\t0070U\t20190401",
            PtpFiles.Row("0001U", "0071U", "20210101", "20201231", "1"),
            PtpFiles.Row("0001U", "0086U", "20200101", "*", "1"));

        var release = Assert.Single(NcciLoader.Load(NcciTableKind.Practitioner, "k", [path], _report).Releases);

        Assert.Equal(2, release.Info.Rows);
        Assert.Equal(5, release.Info.MalformedRows);
        var malformed = _report.Malformed.ToArray();
        Assert.Equal([8L, 9, 10, 11, 12], malformed.Select(m => m.Line));
        Assert.All(malformed, m => Assert.Equal(path, m.File));
        Assert.Contains("effective date '2018-07-01'", malformed[0].Reason, StringComparison.Ordinal);
        Assert.Contains("column 2 code '0046'", malformed[1].Reason, StringComparison.Ordinal);
        Assert.Contains("modifier indicator '2'", malformed[2].Reason, StringComparison.Ordinal);
        Assert.Contains("expected 7 tab-separated fields, found 3", malformed[3].Reason, StringComparison.Ordinal);
        Assert.Contains("deletion date is before the effective date", malformed[4].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileWithNoValidRow_FailsNamingTheFile()
    {
        var path = PtpFiles.Write(_temp.File("ccipra-v322r0-f1.txt"), PtpFiles.Row("0001U", "0030U", "bad", "*", "1"));

        var ex = Assert.Throws<NcciLoadException>(() => NcciLoader.Load(NcciTableKind.Practitioner, "k", [path], _report));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("no valid PTP row", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BinaryFileWithCmsName_FailsNamingTheFile()
    {
        var path = _temp.File("ccipra-v322r0-f1.txt");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 256))]);

        var ex = Assert.Throws<NcciLoadException>(() => NcciLoader.Load(NcciTableKind.Practitioner, "k", [path], _report));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingPath_FailsNamingTheSettingAndIndex()
    {
        var missing = _temp.File("nowhere");

        var ex = Assert.Throws<NcciLoadException>(() =>
            NcciLoader.Load(NcciTableKind.Practitioner, "Ncci:Practitioner", [RepositoryPaths.PractitionerExcerpt, missing], _report));

        Assert.Equal($"Ncci:Practitioner[1]: '{missing}' does not exist.", ex.Message);
    }

    [Fact]
    public void Load_OutpatientFileListedAsPractitioner_Fails()
    {
        var ex = Assert.Throws<NcciLoadException>(() =>
            NcciLoader.Load(NcciTableKind.Practitioner, "Ncci:Practitioner", [RepositoryPaths.OutpatientSample], _report));

        Assert.Contains("is a ccioph file, not ccipra", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SamePartTwice_Fails()
    {
        var copy = _temp.File("copy-ccipra-v322r0-f1.txt");
        File.Copy(RepositoryPaths.PractitionerExcerpt, copy);

        var ex = Assert.Throws<NcciLoadException>(() =>
            NcciLoader.Load(NcciTableKind.Practitioner, "k", [RepositoryPaths.PractitionerExcerpt, copy], _report));

        Assert.Contains("part f1 of ccipra-v322r0 is given twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileNameWithoutCmsStem_FailsSayingWhatNameIsExpected()
    {
        var path = _temp.File("ptp.txt");
        File.Copy(RepositoryPaths.PractitionerExcerpt, path);

        var ex = Assert.Throws<NcciLoadException>(() => NcciLoader.Load(NcciTableKind.Practitioner, "k", [path], _report));

        Assert.Contains("ccipra-v322r0-f1.TXT", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TwoReleases_EachEditsTheDatesOfItsOwnQuarter()
    {
        // v321 (April 2026) still has 0001U/0029U open; v322 (July 2026) deleted it on 2026-06-30.
        var older = PtpFiles.Write(_temp.File("ccipra-v321r0-f1.txt"), PtpFiles.Row("0001U", "0029U", "20180701", "*", "1"));

        var set = NcciLoader.Load(NcciTableKind.Practitioner, "k", [RepositoryPaths.PractitionerExcerpt, older], _report);

        Assert.Equal(["ccipra-v321r0", "ccipra-v322r0"], set.Releases.Select(r => r.Info.TableVersion));
        Assert.Equal("ccipra-v321r0", set.For(new DateOnly(2026, 6, 30)).Info.TableVersion);
        Assert.Equal("ccipra-v322r0", set.For(new DateOnly(2026, 7, 1)).Info.TableVersion);
        Assert.Equal("ccipra-v321r0", set.For(new DateOnly(2019, 1, 1)).Info.TableVersion);
        Assert.True(set.For(new DateOnly(2026, 7, 2)).TryFind(HcpcsCode.Parse("0001U"), HcpcsCode.Parse("0030U"), new DateOnly(2026, 7, 2), out _));
        Assert.False(set.For(new DateOnly(2026, 7, 2)).TryFind(HcpcsCode.Parse("0001U"), HcpcsCode.Parse("0029U"), new DateOnly(2026, 7, 2), out _));
    }

    [Fact]
    public void Load_Latin1Rationale_IsDecodedAsLatin1()
    {
        var path = PtpFiles.Write(_temp.File("ccipra-v322r0-f1.txt"), PtpFiles.Row("0001U", "0030U", "20180701", "*", "1", "Procédure exclusive"));

        var release = Assert.Single(NcciLoader.Load(NcciTableKind.Practitioner, "k", [path], _report).Releases);

        Assert.True(release.TryFind(HcpcsCode.Parse("0001U"), HcpcsCode.Parse("0030U"), new DateOnly(2020, 1, 1), out var match));
        Assert.Equal("Procédure exclusive", match.Rationale);
    }
}
