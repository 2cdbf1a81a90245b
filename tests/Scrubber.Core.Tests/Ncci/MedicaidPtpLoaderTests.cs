using System.Text;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Ncci;

/// <summary>Medicaid PTP files read in their own names and in a layout found from their content (domain.md §1.5 marks
/// the layout [L]): the bundled sample, the Medicare layout, columns in another order, with or without a header, and the
/// same guarantees as the Medicare loader (malformed rows named by file and line, refusals naming the file).</summary>
public sealed class MedicaidPtpLoaderTests : IDisposable
{
    private const string Key = "Ncci:MedicaidPractitioner";
    private static readonly DateOnly July = new(2026, 7, 15);
    private readonly TempDirectory _temp = new();
    private readonly RecordingLoadReport _report = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_BundledSample_FindsItsSixColumnsAndReadsEveryRow()
    {
        var release = Assert.Single(Load(RepositoryPaths.MedicaidPractitionerSample).Releases);

        Assert.Equal(("mcd-ptp-pra-v2026q3r0", NcciProgram.Medicaid, new DateOnly(2026, 7, 1)), (release.Info.TableVersion, release.Info.Program, release.Info.AppliesFrom));
        Assert.Equal((5L, 0L), (release.Info.Rows, release.Info.MalformedRows));
        Assert.Equal(
            "column 1 code in cell 1, column 2 code in cell 2, effective date in cell 3, deletion date in cell 4, modifier indicator in cell 5, " +
            "prior-to-1996 flag absent, rationale in cell 6",
            Assert.Single(_report.Layouts).Layout);
        Assert.True(release.TryFind(Code("90460"), Code("90471"), July, out var pediatric));
        Assert.Equal((1, "Mutually exclusive procedures", "mcd-ptp-pra-v2026q3r0"), (pediatric.ModifierIndicator, pediatric.Rationale, pediatric.TableVersion));
        Assert.False(release.TryFind(Code("0001U"), Code("0034U"), July, out _));
    }

    [Fact]
    public void Detect_MedicareExcerpt_FindsCmsColumnsIncludingThe1996Flag()
    {
        var layout = PtpLayoutDetector.Detect(File.ReadAllBytes(RepositoryPaths.PractitionerExcerpt), whole: true);

        Assert.Equal(PtpLayout.Medicare with { BlankDeletionIsOpen = true }, layout);
    }

    [Fact]
    public void Load_ColumnsInAnotherOrderWithoutHeader_AreFoundByWhatTheyHold()
    {
        // Indicator first, then the codes, then the deletion date before the effective date: the effective date is the
        // date column never later than the other.
        var path = Write("MCD-PTP-PRA-v2026q3-F1.txt",
            "Medicaid NCCI edits",
            "1\t90460\t90471\t20251231\t20110101\tMutually exclusive procedures",
            "0\t59400\t59425\t20301231\t20110101\tCPT Manual or CMS manual coding instruction",
            "9\t99460\t99238\t20110101\t20110101\tMutually exclusive procedures");

        var release = Assert.Single(Load(path).Releases);

        Assert.Equal(3, release.Info.Rows);
        Assert.Contains("effective date in cell 5, deletion date in cell 4, modifier indicator in cell 1", Assert.Single(_report.Layouts).Layout, StringComparison.Ordinal);
        Assert.True(release.TryFind(Code("59400"), Code("59425"), July, out var obstetric));
        Assert.Equal((0, new DateOnly(2011, 1, 1), (DateOnly?)new DateOnly(2030, 12, 31)), (obstetric.ModifierIndicator, obstetric.EffectiveDate, obstetric.DeletionDate));
        Assert.False(release.TryFind(Code("90460"), Code("90471"), July, out _));
    }

    [Fact]
    public void Load_HeaderNamingColumnTwoFirst_TakesTheHeadersWord()
    {
        var path = Write("MCD-PTP-PRA-v2026q3-F1.txt",
            "Column 2\tColumn 1\tModifier Indicator\tEffective Date\tDeletion Date\tRationale",
            "90471\t90460\t1\t20110101\t\tMutually exclusive procedures");

        var release = Assert.Single(Load(path).Releases);

        Assert.True(release.TryFind(Code("90460"), Code("90471"), July, out var match));
        Assert.Null(match.DeletionDate);
        Assert.False(release.TryFind(Code("90471"), Code("90460"), July, out _));
    }

    [Fact]
    public void Load_BlankDeletionDate_IsAnEditStillInForce()
    {
        var path = PtpFiles.WriteMedicaid(_temp.File("MCD-PTP-PRA-v2026q3-F1.txt"), PtpFiles.MedicaidRow("90460", "90471", "20110101", "", "1"));

        var release = Assert.Single(Load(path).Releases);

        Assert.True(release.TryFind(Code("90460"), Code("90471"), new DateOnly(2040, 1, 1), out _));
        Assert.Empty(_report.Malformed);
    }

    [Fact]
    public void Load_MalformedRows_AreNamedByFileAndLineAndTheRestLoads()
    {
        var path = PtpFiles.WriteMedicaid(_temp.File("MCD-PTP-PRA-v2026q3-F1.txt"),
            PtpFiles.MedicaidRow("90460", "90471", "20110101", "*", "1"),
            PtpFiles.MedicaidRow("59400", "59425", "2011-01-01", "*", "0"),
            PtpFiles.MedicaidRow("59400", "5942", "20110101", "*", "0"),
            PtpFiles.MedicaidRow("99460", "99238", "20110101", "*", "7"),
            PtpFiles.MedicaidRow("99460", "99239", "20110101", "soon", "0"),
            "99460\t99221\t20110101",
            PtpFiles.MedicaidRow("99460", "99222", "20110101", "*", "0"));

        var release = Assert.Single(Load(path).Releases);

        Assert.Equal((2L, 5L), (release.Info.Rows, release.Info.MalformedRows));
        var malformed = _report.Malformed.ToArray();
        Assert.Equal([8L, 9, 10, 11, 12], malformed.Select(m => m.Line));
        Assert.All(malformed, m => Assert.Equal(path, m.File));
        Assert.Equal(
            [
                "effective date '2011-01-01' is not a YYYYMMDD date",
                "column 2 code '5942' is not 5 letters or digits",
                "modifier indicator '7' is not 0, 1 or 9",
                "deletion date 'soon' is neither '*', blank nor a YYYYMMDD date",
                "expected 6 tab-separated fields, found 3",
            ],
            malformed.Select(m => m.Reason));
    }

    [Fact]
    public void Load_TwoColumnsOfIndicatorsAndNoHeader_IsRefusedNamingTheFileAndLines()
    {
        var path = Write("MCD-PTP-PRA-v2026q3-F1.txt",
            "notice",
            "90460\t90471\t20110101\t*\t1\t0",
            "59400\t59425\t20110101\t*\t0\t1");

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.Equal(
            $"'{path}' could not be read: its columns cannot be found from the 2 rows from line 2 to line 3: cells 5 and 6 could each be " +
            "the modifier indicator (0, 1 or 9), and no header cell naming \"Modifier\" says which.",
            ex.Message);
    }

    [Fact]
    public void Load_RowsWithOneCodeColumn_AreRefused()
    {
        var path = Write("MCD-PTP-PRA-v2026q3-F1.txt",
            "90460\t90471\tx\ty\t20110101\t1",
            "59400\tx\t59425\ty\t20110101\t0",
            "99460\tx\ty\t99238\t20110101\t0");

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.Contains("only one column holds HCPCS codes, and a PTP row has two (column 1 and column 2)", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileWithoutDataRows_SaysItHoldsNoMedicaidRow()
    {
        var path = Write("MCD-PTP-PRA-v2026q3-F1.txt", "Column 1\tColumn 2", "nothing\there");

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.Equal($"'{path}' holds no valid PTP row (2 lines read, 0 malformed). Is it a Medicaid NCCI PTP text file?", ex.Message);
    }

    [Fact]
    public void Load_MedicareFileInAMedicaidSetting_IsRefusedNamingWhereItBelongs()
    {
        var ex = Assert.Throws<NcciLoadException>(() => Load(RepositoryPaths.PractitionerExcerpt));

        Assert.Equal($"{Key}: '{RepositoryPaths.PractitionerExcerpt}' is a ccipra file, not MCD-PTP-PRA (list it under Ncci:Practitioner).", ex.Message);
    }

    [Fact]
    public void Load_MedicaidFileInAMedicareSetting_IsRefusedNamingWhereItBelongs()
    {
        var ex = Assert.Throws<NcciLoadException>(() =>
            NcciLoader.Load(NcciTableKind.Practitioner, "Ncci:Practitioner", [RepositoryPaths.MedicaidPractitionerSample], _report));

        Assert.EndsWith("is a MCD-PTP-PRA file, not ccipra (list it under Ncci:MedicaidPractitioner).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OutpatientFileAsPractitioner_IsRefused()
    {
        var ex = Assert.Throws<NcciLoadException>(() => Load(RepositoryPaths.MedicaidOutpatientSample));

        Assert.EndsWith("is a MCD-PTP-OPH file, not MCD-PTP-PRA.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CompiledSnapshot_IsRefusedForMedicaid()
    {
        var path = _temp.File("medicaid.ncci");
        File.WriteAllText(path, "x");

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.Equal($"{Key}: '{path}' is a compiled snapshot; Medicaid tables are loaded from their text files or zips.", ex.Message);
    }

    [Fact]
    public void Load_FolderWithoutMedicaidNames_SaysWhatNamesItExpects()
    {
        File.WriteAllText(_temp.File("edits.txt"), "90460\t90471\t20110101\t*\t1\tx");

        var ex = Assert.Throws<NcciLoadException>(() => Load(_temp.Path));

        Assert.Equal($"{Key}[0]: '{_temp.Path}' holds no Medicaid NCCI PTP file (expected names like MCD-PTP-PRA-v2026q3-F1.txt, or a zip of them).", ex.Message);
    }

    private NcciTableSet Load(string path) => NcciLoader.Load(NcciProgram.Medicaid, NcciTableKind.Practitioner, Key, [path], _report);

    private string Write(string name, params string[] lines)
    {
        var path = _temp.File(name);
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", Encoding.Latin1);
        return path;
    }

    private static HcpcsCode Code(string code) => HcpcsCode.Parse(code);
}
