using Scrubber.Core.Ncci;

namespace Scrubber.Core.Tests.Ncci;

public sealed class NcciFileNameTests
{
    [Theory]
    [InlineData("ccipra-v322r0-f1.TXT", NcciTableKind.Practitioner, "v322r0", 1, "2026-07-01")]
    [InlineData("ccipra-v322r0-f4.txt", NcciTableKind.Practitioner, "v322r0", 4, "2026-07-01")]
    [InlineData("medicare-ncci-2026q3-practitioner-ptp-edits-ccipra-v322r0-f1.zip", NcciTableKind.Practitioner, "v322r0", 1, "2026-07-01")]
    [InlineData("CCIOPH-V323R0-F2.TXT", NcciTableKind.OutpatientHospital, "v323r0", 2, "2026-10-01")]
    [InlineData("ccipra-v320r1-f3.txt", NcciTableKind.Practitioner, "v320r1", 3, "2026-01-01")]
    [InlineData("ccipra-v321r0-f1.excerpt.txt", NcciTableKind.Practitioner, "v321r0", 1, "2026-04-01")]
    public void TryParse_CmsName_GivesTableVersionPartAndQuarter(string file, NcciTableKind kind, string version, int part, string appliesFrom)
    {
        Assert.True(NcciFileName.TryParse(file, out var name));
        Assert.Equal(kind, name.Kind);
        Assert.Equal(version, name.Version);
        Assert.Equal(part, name.Part);
        Assert.Equal(DateOnly.Parse(appliesFrom, System.Globalization.CultureInfo.InvariantCulture), name.AppliesFrom);
    }

    [Fact]
    public void TableVersion_JoinsStemAndVersion()
    {
        Assert.True(NcciFileName.TryParse("ccioph-v323r0-f1.TXT", out var name));
        Assert.Equal("ccioph-v323r0", name.TableVersion);
        Assert.Equal("f1", name.PartName);
    }

    [Theory]
    [InlineData("ptp-edits.txt")]
    [InlineData("ccipra-322r0-f1.txt")]
    [InlineData("ccipra-v324r0-f1.txt")]   // there is no fifth quarter
    [InlineData("ccixyz-v322r0-f1.txt")]
    public void TryParse_NotACmsName_Fails(string file) => Assert.False(NcciFileName.TryParse(file, out _));

    [Theory]
    [InlineData("ccipra-v323r0-f99999999999.txt", "the part f99999999999 is out of range (f1 to f99)")]
    [InlineData("ccipra-v323r0-f0.txt", "the part f0 is out of range (f1 to f99)")]
    [InlineData("ccipra-v323r99999999999999999999-f1.txt", "the revision r999999999999… is out of range (r0 to r99)")]
    [InlineData("ccipra-v3230r0-f1.txt", "the version v3230 is out of range (two digits of year and one of quarter, 0–3, as in v322)")]
    [InlineData("ccipra-v324r0-f1.txt", "the version v324 is out of range (two digits of year and one of quarter, 0–3, as in v322)")]
    public void Parse_CmsNameWithNumbersOutOfRange_IsRefusedNamingTheFile(string file, string problem)
    {
        var ex = Assert.Throws<NcciLoadException>(() => NcciFileName.Parse(file, "/data/" + file));

        Assert.Equal($"'/data/{file}': {problem}", ex.Message);
        Assert.False(NcciFileName.TryParse(file, out _));
    }

    [Fact]
    public void Parse_NotACmsName_IsNull() => Assert.Null(NcciFileName.Parse("ptp-edits.txt", "/data/ptp-edits.txt"));

    [Theory]
    [InlineData("MCD-PTP-PRA-v2026q3-F1.txt", NcciTableKind.Practitioner, "v2026q3r0", 1, "2026-07-01", "mcd-ptp-pra-v2026q3r0")]
    [InlineData("mcd_ptp_oph_v2027q1r2_f3.TXT", NcciTableKind.OutpatientHospital, "v2027q1r2", 3, "2027-01-01", "mcd-ptp-oph-v2027q1r2")]
    [InlineData("MCD-PTP-PRA-v2026q4-F2-D.txt", NcciTableKind.Practitioner, "v2026q4r0", 2, "2026-10-01", "mcd-ptp-pra-v2026q4r0")]
    [InlineData("MCD-PTP-OPH-v2026q2.sample.txt", NcciTableKind.OutpatientHospital, "v2026q2r0", 1, "2026-04-01", "mcd-ptp-oph-v2026q2r0")]
    public void TryParse_MedicaidName_GivesProgramTableVersionPartAndQuarter(string file, NcciTableKind kind, string version, int part, string appliesFrom, string tableVersion)
    {
        Assert.True(NcciFileName.TryParse(file, out var name));
        Assert.Equal(
            (NcciProgram.Medicaid, kind, version, part, DateOnly.Parse(appliesFrom, System.Globalization.CultureInfo.InvariantCulture), tableVersion),
            (name.Program, name.Kind, name.Version, name.Part, name.AppliesFrom, name.TableVersion));
    }

    [Theory]
    [InlineData("MCD-PTP-PRA-v2026q5-F1.txt", "the quarter q5 is out of range (q1 to q4, as in v2026q3)")]
    [InlineData("MCD-PTP-PRA-v2026q0-F1.txt", "the quarter q0 is out of range (q1 to q4, as in v2026q3)")]
    [InlineData("MCD-PTP-PRA-v26q3-F1.txt", "the year 26 in v26q3 is out of range (four digits from 2010, as in v2026q3)")]
    [InlineData("MCD-PTP-PRA-v99999999999999q3-F1.txt", "the year 999999999999… in v999999999999…q3 is out of range (four digits from 2010, as in v2026q3)")]
    [InlineData("MCD-PTP-PRA-v2026q3-F0.txt", "the part f0 is out of range (f1 to f99)")]
    [InlineData("MCD-PTP-PRA-v2026q3r123-F1.txt", "the revision r123 is out of range (r0 to r99)")]
    public void Parse_MedicaidNameWithNumbersOutOfRange_IsRefusedNamingTheFile(string file, string problem)
    {
        var ex = Assert.Throws<NcciLoadException>(() => NcciFileName.Parse(file, "/data/" + file));

        Assert.Equal($"'/data/{file}': {problem}", ex.Message);
    }
}
