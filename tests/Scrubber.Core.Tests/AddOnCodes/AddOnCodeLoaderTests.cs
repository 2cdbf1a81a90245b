using System.IO.Compression;
using Scrubber.Core.AddOnCodes;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;
using Scrubber.Generators;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.AddOnCodes;

public sealed class AddOnCodeLoaderTests : IDisposable
{
    private const string Key = "AddOnCodes:Files";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static HcpcsCode Code(string code) => HcpcsCode.Parse(code);

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Load_BundledSample_ReadsEveryRowWithTheReleaseFromTheName()
    {
        var report = new RecordingLoadReport();
        var set = AddOnCodeLoader.Load(Key, [AddOnCodeFiles.Sample], report);

        var table = Assert.Single(set.Releases);
        Assert.Equal(("AOC_V2026Q3", Day("2026-07-01")), (table.Info.Version, table.Info.AppliesFrom));
        Assert.Equal((33L, 12, 16, 0), (table.Info.Rows, table.Info.AddOnCodes, table.Info.PrimaryCodes, table.Info.TypeConflicts));
        Assert.Equal((AddOnCodeFiles.Sample, 33L, 0L), Assert.Single(report.Files));

        Assert.True(table.TryGet(Code("11045"), Day("2026-07-15"), out var debridement));
        Assert.Equal(AddOnEditType.ListedPrimariesOnly, debridement.EditType);
        Assert.Equal([Code("11042")], debridement.PrimariesInOrder.ToArray());

        Assert.True(table.TryGet(Code("0054T"), Day("2026-07-15"), out var contractor));
        Assert.Equal(AddOnEditType.ContractorPrimaries, contractor.EditType);
        Assert.Empty(contractor.Primaries);
        Assert.Equal(["Contractor Defined Primary Codes"], contractor.Notes.ToArray());

        Assert.True(table.TryGet(Code("90836"), Day("2026-07-15"), out var psychotherapy));
        Assert.Equal(AddOnEditType.ListedAndContractorPrimaries, psychotherapy.EditType);
        Assert.Equal(8, psychotherapy.Primaries.Count);
        Assert.Contains(Code("99213"), psychotherapy.PrimariesInOrder);
        Assert.DoesNotContain(Code("99211"), psychotherapy.PrimariesInOrder);

        Assert.False(table.TryGet(Code("11042"), Day("2026-07-15"), out _));
    }

    [Fact]
    public void Load_GeneratedFileAtRealSize_IndexesEveryAddOnAndItsPrimaries()
    {
        var generated = AddOnCodeFileGenerator.Write(_temp.Path, new AddOnGeneratorSettings(Seed: 7));

        var table = Assert.Single(AddOnCodeLoader.Load(Key, [generated.File]).Releases);

        Assert.Equal(generated.Rows, table.Info.Rows);
        Assert.Equal(AddOnGeneratorSettings.FullAddOnCodes, table.Info.AddOnCodes);
        Assert.InRange(generated.Rows, 5_000, AddOnGeneratorSettings.FullRows);
        Assert.True(generated.TypeOne > generated.TypeThree && generated.TypeThree > generated.TypeTwo && generated.TypeTwo > 0);
        Assert.NotEmpty(generated.ActivePairs);
        foreach (var (addOn, primary) in generated.ActivePairs)
        {
            Assert.True(table.TryGet(Code(addOn), table.Info.AppliesFrom, out var entry), addOn);
            Assert.Contains(Code(primary), entry.PrimariesInOrder);
        }
    }

    [Fact]
    public void Generator_SameSeed_WritesTheSameBytes()
    {
        var first = AddOnCodeFileGenerator.Write(Path.Combine(_temp.Path, "a"), new AddOnGeneratorSettings(AddOnCodes: 50, Rows: 400, Seed: 3));
        var second = AddOnCodeFileGenerator.Write(Path.Combine(_temp.Path, "b"), new AddOnGeneratorSettings(AddOnCodes: 50, Rows: 400, Seed: 3));

        Assert.Equal(File.ReadAllBytes(first.File), File.ReadAllBytes(second.File));
    }

    [Fact]
    public void Load_ZipAsDownloaded_ReadsTheTextInsideAndNamesTheEntry()
    {
        var zipPath = _temp.File("add-code-edits-medicare-effective-07012026.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(AddOnCodeFiles.Sample, "AOC_V2026Q3-MCR.txt");
            zip.CreateEntry("AOC_V2026Q3-MCR.xlsx");
        }

        var table = Assert.Single(AddOnCodeLoader.Load(Key, [zipPath]).Releases);

        Assert.Equal($"{zipPath}!AOC_V2026Q3-MCR.txt", Assert.Single(table.Info.Files));
        Assert.True(table.IsAddOn(Code("99292"), Day("2026-07-01")));
    }

    [Theory]
    [InlineData("add-code-edits-medicare-effective-07012026.zip", "AOC_V2026Q3", "2026-07-01")]
    [InlineData("add-code-edits-medicare-effective-01152026.zip", "AOC_2026-01-15", "2026-01-15")]
    public void Load_ZipWhoseEntryNamesNoRelease_TakesTheReleaseFromTheZipsDate(string zipName, string version, string appliesFrom)
    {
        var zipPath = _temp.File(zipName);
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(AddOnCodeFiles.Sample, "add-on code edits.txt");
        }

        var table = Assert.Single(AddOnCodeLoader.Load(Key, [zipPath]).Releases);

        Assert.Equal((version, Day(appliesFrom)), (table.Info.Version, table.Info.AppliesFrom));
    }

    [Fact]
    public void Load_Folder_ReadsTheAocFilesAndSkipsTheRest()
    {
        File.Copy(AddOnCodeFiles.Sample, _temp.File("AOC_V2026Q3-MCR.txt"));
        File.WriteAllText(_temp.File("README.md"), "not a table");
        File.WriteAllText(_temp.File("notes.txt"), "not named like a release");

        var table = Assert.Single(AddOnCodeLoader.Load(Key, [_temp.Path]).Releases);

        Assert.Equal(33, table.Info.Rows);
    }

    [Fact]
    public void For_SeveralQuarters_EditsEachDateWithTheReleaseInForce()
    {
        var q2 = AddOnCodeFiles.Write(_temp.File("AOC_V2026Q2-MCR.txt"), AddOnCodeFiles.Row(1, "11045", "11042", "2013-04-01"));
        var q3 = AddOnCodeFiles.Write(_temp.File("AOC_V2026Q3_01-MCR.txt"),
            AddOnCodeFiles.Row(1, "11045", "11042", "2013-04-01"), AddOnCodeFiles.Row(1, "11045", "11043", "2026-07-01"));

        var set = AddOnCodeLoader.Load(Key, [q3, q2]);

        Assert.Equal(["AOC_V2026Q2", "AOC_V2026Q3_01"], set.Releases.Select(r => r.Info.Version));
        Assert.Equal("AOC_V2026Q2", set.For(Day("2026-06-30")).Info.Version);
        Assert.Equal("AOC_V2026Q3_01", set.For(Day("2026-07-01")).Info.Version);
        Assert.Equal("AOC_V2026Q2", set.For(Day("2020-01-01")).Info.Version);
        Assert.True(set.For(Day("2026-07-01")).TryGet(Code("11045"), Day("2026-07-01"), out var q3Entry));
        Assert.Contains(Code("11043"), q3Entry.PrimariesInOrder);
        Assert.True(set.For(Day("2026-06-30")).TryGet(Code("11045"), Day("2026-06-30"), out var q2Entry));
        Assert.DoesNotContain(Code("11043"), q2Entry.PrimariesInOrder);
    }

    [Theory]
    [InlineData("2023-12-31", false)]
    [InlineData("2024-01-01", true)]
    [InlineData("2024-12-31", true)]
    [InlineData("2025-01-01", false)]
    public void TryGet_EditDates_EffectiveAndDeletionAreBothInForce(string date, bool inForce)
    {
        var path = AddOnCodeFiles.Write(_temp.File("AOC_V2026Q1-MCR.txt"), AddOnCodeFiles.Row(1, "64484", "64483", "2024-01-01", deleted: "2024-12-31"));

        var table = Assert.Single(AddOnCodeLoader.Load(Key, [path]).Releases);

        Assert.Equal(inForce, table.TryGet(Code("64484"), Day(date), out _));
    }

    [Fact]
    public void TryGet_PrimaryDeleted_LeavesTheSetTheDayAfterItsDeletion()
    {
        var path = AddOnCodeFiles.Write(_temp.File("AOC_V2026Q1-MCR.txt"),
            AddOnCodeFiles.Row(1, "64480", "64479", "2013-04-01"),
            AddOnCodeFiles.Row(1, "64480", "64483", "2013-04-01", primaryDeleted: "2024-06-30"));

        var table = Assert.Single(AddOnCodeLoader.Load(Key, [path]).Releases);

        Assert.True(table.TryGet(Code("64480"), Day("2024-06-30"), out var before));
        Assert.True(table.TryGet(Code("64480"), Day("2024-07-01"), out var after));
        Assert.Equal([Code("64479"), Code("64483")], before.PrimariesInOrder.ToArray());
        Assert.Equal([Code("64479")], after.PrimariesInOrder.ToArray());
        Assert.Equal((Day("2024-06-30"), Day("2024-07-01"), (DateOnly?)null), (before.Until!.Value, after.From, after.Until));
    }

    [Fact]
    public void TryGet_AddOnCodeDeleted_IsNoLongerAnAddOnAfterItsDeletion()
    {
        var path = AddOnCodeFiles.Write(_temp.File("AOC_V2026Q1-MCR.txt"), AddOnCodeFiles.Row(1, "97598", "97597", "2013-04-01", addOnDeleted: "2025-12-31"));

        var table = Assert.Single(AddOnCodeLoader.Load(Key, [path]).Releases);

        Assert.True(table.IsAddOn(Code("97598"), Day("2025-12-31")));
        Assert.False(table.IsAddOn(Code("97598"), Day("2026-01-01")));
    }

    [Fact]
    public void Load_RowsOfTwoTypesInForceTogether_CountsTheConflictAndTheStricterTypeWins()
    {
        var path = AddOnCodeFiles.Write(_temp.File("AOC_V2026Q1-MCR.txt"),
            AddOnCodeFiles.Row(3, "90833", "99213", "2013-04-01"), AddOnCodeFiles.Row(1, "90833", "99214", "2013-04-01"));

        var table = Assert.Single(AddOnCodeLoader.Load(Key, [path]).Releases);

        Assert.Equal(1, table.Info.TypeConflicts);
        Assert.True(table.TryGet(Code("90833"), Day("2026-01-02"), out var entry));
        Assert.Equal(AddOnEditType.ListedPrimariesOnly, entry.EditType);
    }

    [Fact]
    public void Load_SameReleaseTwice_IsRefusedNamingBothFiles()
    {
        var folder = Directory.CreateDirectory(_temp.File("more")).FullName;
        File.Copy(AddOnCodeFiles.Sample, Path.Combine(folder, "AOC_V2026Q3-MCR.txt"));

        var error = Assert.Throws<NcciLoadException>(() => AddOnCodeLoader.Load(Key, [AddOnCodeFiles.Sample, folder]));

        Assert.Contains("release AOC_V2026Q3 is given twice", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(Key, error.Message, StringComparison.Ordinal);
    }
}
