using System.IO.Compression;
using System.Text;
using Scrubber.Core.Claims;
using Scrubber.Core.Mue;
using Scrubber.Core.Ncci;
using Scrubber.Generators;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Mue;

/// <summary>The MUE loader on the real CMS excerpt, generated full-size tables, zips, several quarters, and broken
/// files: each refused with a message naming the file and line.</summary>
public sealed class MueLoaderTests : IDisposable
{
    private const string Key = "Mue:Practitioner";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void RealExcerpt_ReadsEveryCodeWithItsValueIndicatorAndRationale()
    {
        var set = Load(RepositoryPaths.MueExcerpt);

        var table = Assert.Single(set.Releases);
        Assert.Equal(("mue-practitioner-2026-07-01", new DateOnly(2026, 7, 1), 44, 0), (table.Info.Version, table.Info.AppliesFrom, table.Info.Codes, table.Info.NotPayable));
        Assert.Equal([0, 30, 14], table.Info.ByIndicator.ToArray());
        Assert.True(table.TryGet(HcpcsCode.Parse("0009U"), out var entry));
        Assert.Equal(new MueEntry(2, MueAdjudicationIndicator.DateOfServiceClinical, "Nature of Analyte"), entry);
        Assert.True(table.TryGet(HcpcsCode.Parse("0001U"), out entry));
        Assert.Equal(new MueEntry(1, MueAdjudicationIndicator.DateOfServicePolicy, "Code Descriptor / CPT Instruction"), entry);
        Assert.False(table.TryGet(HcpcsCode.Parse("99213"), out _));
    }

    [Fact]
    public void GeneratedFullSizeTable_LoadsEveryCodeFromTheCmsZip()
    {
        var written = MueTableGenerator.Write(_temp.Path, new MueGeneratorSettings(MueGeneratorSettings.FullCodes, 5, MueTableKind.OutpatientHospital, new DateOnly(2026, 10, 1)));
        var zip = _temp.File("medicare-ncci-2026-q4-outpatient-hospital-services-mue-table.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(written, Path.GetFileName(written));
        }

        var set = MueLoader.Load(MueTableKind.OutpatientHospital, "Mue:OutpatientHospital", [zip], new RecordingLoadReport());

        var info = Assert.Single(set.Releases).Info;
        Assert.Equal((MueGeneratorSettings.FullCodes, "mue-outpatient-hospital-2026-10-01"), (info.Codes, info.Version));
        Assert.Equal(info.Codes, info.ByIndicator.Sum());
        Assert.InRange(info.NotPayable, 1_000, 1_800);
        Assert.EndsWith("!MCR_MUE_OutpatientHospitalServices_Eff_10-01-2026.csv", Assert.Single(info.Files), StringComparison.Ordinal);
    }

    [Fact]
    public void TwoQuarters_EachDateOfServiceUsesTheFileInForce()
    {
        var folder = _temp.File("quarters");
        MueTableGenerator.WriteRows(folder, MueTableKind.Practitioner, new DateOnly(2026, 4, 1), [new MueRow("97110", 4, 3)]);
        MueTableGenerator.WriteRows(folder, MueTableKind.Practitioner, new DateOnly(2026, 7, 1), [new MueRow("97110", 6, 3)]);

        var set = Load(folder);

        Assert.Equal(4, ValueOn(set, "2026-06-30"));
        Assert.Equal(6, ValueOn(set, "2026-07-01"));
        Assert.Equal(4, ValueOn(set, "2025-01-01"));
    }

    [Fact]
    public void FileOfAnotherTable_IsRefusedNamingBoth()
    {
        var path = MueTableGenerator.WriteRows(_temp.Path, MueTableKind.Dme, new DateOnly(2026, 7, 1), [new MueRow("E0114", 1, 2)]);

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.Equal($"{Key}: '{path}' is the dme MUE table, not practitioner.", ex.Message);
    }

    [Fact]
    public void HeaderOfAnotherTableUnderAPractitionerName_IsRefusedNamingTheLine()
    {
        var path = WriteText("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv",
            "\"Notice\",,,\r\n\"HCPCS/\r\nCPT Code\",Outpatient Hospital Services MUE Values,MUE Adjudication Indicator,MUE Rationale\r\n0001U,1,2 Date of Service Edit: Policy,x\r\n");

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.Equal($"{path}:2: the file is the outpatient_hospital MUE table ('Outpatient Hospital Services MUE Values'), not practitioner", ex.Message);
    }

    [Theory]
    [InlineData("0001U,99999999999,2 Date of Service Edit: Policy,x", "the MUE value '99999999999' of 0001U is not a whole number from 0 to 99999")]
    [InlineData("0001U,-1,2 Date of Service Edit: Policy,x", "the MUE value '-1' of 0001U is not a whole number from 0 to 99999")]
    [InlineData("0001U,1.5,2 Date of Service Edit: Policy,x", "the MUE value '1.5' of 0001U is not a whole number from 0 to 99999")]
    [InlineData("0001U,1,4 Something,x", "the MUE adjudication indicator '4 Something' of 0001U does not start with 1, 2 or 3")]
    [InlineData("0001U,1,12 Date,x", "the MUE adjudication indicator '12 Date' of 0001U does not start with 1, 2 or 3")]
    [InlineData("0001U,1,,x", "the MUE adjudication indicator '' of 0001U does not start with 1, 2 or 3")]
    [InlineData("001U,1,2 Date of Service Edit: Policy,x", "the HCPCS/CPT code '001U' is not five letters or digits")]
    [InlineData("0001U,1", "2 columns where a code row has 4 (code, MUE value, adjudication indicator, rationale)")]
    [InlineData("0002M,1,3 Date of Service Edit: Clinical,Nature of Analyte", "code 0002M is listed twice")]
    public void BrokenRow_RefusesTheFileNamingTheLine(string row, string reason)
    {
        var excerpt = File.ReadAllText(RepositoryPaths.MueExcerpt, Encoding.Latin1);
        var path = WriteText("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv", excerpt + row + "\r\n");

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.Equal($"{path}:54: {reason}", ex.Message);
    }

    [Fact]
    public void UnterminatedQuote_IsRefusedNotHung()
    {
        var path = WriteText("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv", "\"Notice that never ends,,,\r\n0001U,1,2 Date,x\r\n");

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.Contains("has no MUE header row", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryFile_IsRefusedAsNotCsv()
    {
        var bytes = new byte[64 * 1024];
        new Random(3).NextBytes(bytes);
        bytes[10] = 0;
        var path = _temp.File("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv");
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.Equal($"'{path}' holds binary data (a NUL byte), not CSV text. Is it an MUE CSV file?", ex.Message);
    }

    [Fact]
    public void HeaderWithNoRows_IsRefused()
    {
        var path = WriteText("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv",
            "\"HCPCS/\r\nCPT Code\",Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\r\n\r\n");

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.Equal($"'{path}' holds no MUE row after its header. Is it a CMS MUE CSV file?", ex.Message);
    }

    [Theory]
    [InlineData("MCR_MUE_PractitionerServices_Eff_13-01-2026.csv", "the effective date 13-01-2026 in the file name is not a date")]
    [InlineData("MCR_MUE_PractitionerServices_Eff_02-30-2026.csv", "the effective date 02-30-2026 in the file name is not a date")]
    public void NameWithAnImpossibleDate_IsRefusedNamingTheFile(string name, string reason)
    {
        var path = WriteText(name, File.ReadAllText(RepositoryPaths.MueExcerpt, Encoding.Latin1));

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.StartsWith($"'{path}': {reason}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileNotNamedLikeCms_IsRefusedSayingWhatNamesItExpects()
    {
        var path = WriteText("limits.csv", File.ReadAllText(RepositoryPaths.MueExcerpt, Encoding.Latin1));

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.Contains("expected a CMS name such as MCR_MUE_PractitionerServices_Eff_07-01-2026.csv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameQuarterTwice_IsRefused()
    {
        var folder = _temp.File("twice");
        Directory.CreateDirectory(folder);
        File.Copy(RepositoryPaths.MueExcerpt, Path.Combine(folder, "MCR_MUE_PractitionerServices_Eff_07-01-2026.csv"));

        var ex = Assert.Throws<NcciLoadException>(() => Load(RepositoryPaths.MueExcerpt, folder));

        Assert.Contains("release mue-practitioner-2026-07-01 is given twice", ex.Message, StringComparison.Ordinal);
    }

    private static int ValueOn(MueTableSet set, string date)
    {
        Assert.True(set.For(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).TryGet(HcpcsCode.Parse("97110"), out var entry));
        return entry.Value;
    }

    private static MueTableSet Load(params string[] paths) => MueLoader.Load(MueTableKind.Practitioner, Key, paths, new RecordingLoadReport());

    private string WriteText(string name, string text)
    {
        var path = _temp.File(name);
        File.WriteAllText(path, text, Encoding.Latin1);
        return path;
    }
}
