using Scrubber.Core.Claims;
using Scrubber.Core.Mue;
using Scrubber.Core.Ncci;
using Scrubber.Core.Packs;
using Scrubber.Core.Packs.Documents;
using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Packs;

/// <summary><c>ncciProgram</c>: a Medicaid pack (the shipped BrightPath one) is edited with the Medicaid PTP and MUE
/// tables and never with Medicare's; other payers are edited with Medicare's; a Medicaid pack without its table is
/// refused naming the setting.</summary>
public sealed class NcciProgramTests : IDisposable
{
    private const string Medicaid = "BRIGHT01";
    private const string Medicare = "MEDICARE";
    private static readonly ClaimScrubber Scrubber = new(new ScrubOptions());
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void BrightPath_IsAMedicaidPackOnThePractitionerTable()
    {
        var pack = SamplePacks.Set.ForPayer(Medicaid)!;

        Assert.Equal((NcciProgram.Medicaid, NcciTableChoice.Practitioner), (pack.NcciProgram, pack.NcciTable));
        Assert.Equal(NcciProgram.Medicare, SamplePacks.Set.ForPayer("ACME01")!.NcciProgram);
    }

    [Fact]
    public void Scrub_PediatricPairOnlyMedicaidHas_FiresForTheMedicaidPayerAlone()
    {
        var medicaid = Assert.Single(Scrub(Medicaid, "90460", "90471").Edits, e => e.EditType == EditTypes.NcciPtp);

        Assert.Equal(("90460", "90471", "L2", "mcd-ptp-pra-v2026q3r0"), (medicaid.Column1Code, medicaid.Column2Code, medicaid.LineId, medicaid.Row!.Value.TableVersion));
        Assert.DoesNotContain(Scrub(Medicare, "90460", "90471").Edits, e => e.EditType == EditTypes.NcciPtp);
    }

    [Fact]
    public void Scrub_MedicarePairMedicaidLeftOut_FiresForTheMedicarePayerAlone()
    {
        var medicare = Assert.Single(Scrub(Medicare, "0001U", "0034U").Edits, e => e.EditType == EditTypes.NcciPtp);

        Assert.Equal("ccipra-v322r0", medicare.Row!.Value.TableVersion);
        Assert.DoesNotContain(Scrub(Medicaid, "0001U", "0034U").Edits, e => e.EditType == EditTypes.NcciPtp);
    }

    [Theory]
    [InlineData(Medicare, 3, true, 2, "mue-practitioner-2026-07-01")]
    [InlineData(Medicaid, 3, false, 4, "")]
    [InlineData(Medicaid, 5, true, 4, "medicaid-mue-practitioner-2026-07-01")]
    public void Scrub_UnitsOf0009U_AreCountedAgainstTheProgramsMue(string payer, double units, bool exceeded, int mue, string version)
    {
        var tables = SampleTables.WithMue(new MueTables(SampleTables.MuePractitioner, null, null));

        var result = Scrubber.Scrub(new ClaimBuilder().On("2026-07-14").Units("0009U", units).Build() with { PayerId = payer }, tables, SamplePacks.Set);


        var edit = result.Edits.SingleOrDefault(e => e.EditType == EditTypes.MueUnitsExceeded);
        Assert.Equal(exceeded, edit is not null);
        if (edit is not null)
        {
            Assert.Equal((mue, version), (edit.Mue!.Value.Entry.Value, edit.Mue.Value.TableVersion));
        }
    }

    [Fact]
    public void Scrub_MedicaidPackWithoutItsMueTable_LeavesUnitsNotEvaluatedRatherThanUseMedicares()
    {
        var withoutMue = SampleTables.WithMue(new MueTables(SampleTables.MuePractitioner, null, null)) with
        {
            Medicaid = SampleTables.Medicaid with { Mue = MueTables.None },
        };

        var result = Scrubber.Scrub(new ClaimBuilder().On("2026-07-14").Units("0009U", 3).Build() with { PayerId = Medicaid }, withoutMue, SamplePacks.Set);

        Assert.DoesNotContain(result.Edits, e => e.EditType == EditTypes.MueUnitsExceeded);
        Assert.Equal<string>(["L1"], result.UnitsNotEvaluated);
    }

    [Fact]
    public void Scrub_MedicaidPackWithoutItsPtpTable_NamesTheSetting()
    {
        var withoutMedicaid = SampleTables.Snapshot with { Medicaid = MedicaidNcciTables.None };

        var ex = Assert.Throws<NcciTableMissingException>(() => Scrubber.Scrub(Claim(Medicaid, "90460", "90471"), withoutMedicaid, SamplePacks.Set));

        Assert.Equal("No Medicaid practitioner table (Ncci:MedicaidPractitioner) is configured for this claim.", ex.Message);
        Assert.Equal((NcciProgram.Medicaid, NcciTableKind.Practitioner), (ex.Program, ex.Kind));
    }

    [Fact]
    public void Verify_MedicaidPackWithoutItsPtpTable_IsRefusedNamingTheSetting()
    {
        var pack = SamplePacks.Set.ForPayer(Medicaid)!;

        var error = Assert.Single(PackExampleRunner.Verify(pack, Scrubber, SampleTables.Snapshot with { Medicaid = MedicaidNcciTables.None }));

        Assert.Equal("the pack edits with the Medicaid practitioner PTP table (Ncci:MedicaidPractitioner), and none is loaded", error.Message);
        Assert.Equal(Path.Combine(pack.Folder, "pack.json"), error.File);
        Assert.Empty(PackExampleRunner.Verify(pack, Scrubber, SampleTables.Snapshot));
    }

    [Fact]
    public void Verify_MedicaidPackOnTheClaimSettingsTable_NeedsOneMedicaidTableOfEither()
    {
        var folder = PackFiles.CopySample("brightpath-health", _temp.Path);
        PackFiles.Edit(folder, p => p.Remove("ncciTable"));
        var pack = PackLoader.Load(folder).Pack!;
        var outpatientOnly = SampleTables.Snapshot with { Medicaid = SampleTables.Medicaid with { Practitioner = null } };

        Assert.Null(pack.MissingTable(outpatientOnly));
        Assert.Equal(
            "the pack edits with the Medicaid practitioner or Medicaid outpatient hospital PTP table (Ncci:MedicaidPractitioner or Ncci:MedicaidOutpatientHospital), and none is loaded",
            pack.MissingTable(SampleTables.Snapshot with { Medicaid = MedicaidNcciTables.None }));
    }

    [Fact]
    public void Load_NcciProgramNotInTheList_IsASchemaErrorNamingTheField()
    {
        var folder = PackFiles.CopySample("brightpath-health", _temp.Path);
        PackFiles.Edit(folder, p => p["ncciProgram"] = "medicaide");

        var error = Assert.Single(PackLoader.Load(folder).Errors);

        Assert.Matches(@"^line \d+: ncciProgram: is not one of the allowed values$", error.Message);
    }

    [Fact]
    public void Load_NcciProgramWithNcciTableNone_WarnsThatItChoosesNothing()
    {
        var folder = PackFiles.CopySample("brightpath-health", _temp.Path);
        PackFiles.Edit(folder, p => p["ncciTable"] = "none");

        var pack = PackLoader.Load(folder).Pack!;

        Assert.Equal("ncciProgram: 'medicaid' has no effect, since ncciTable is 'none' and no NCCI table is used", Assert.Single(pack.Warnings).Message);
        Assert.Null(pack.MissingTable(SampleTables.Snapshot with { Medicaid = MedicaidNcciTables.None }));
    }

    private static ScrubResult Scrub(string payer, params string[] codes) => Scrubber.Scrub(Claim(payer, codes), SampleTables.Snapshot, SamplePacks.Set);

    private static Claim Claim(string payer, params string[] codes)
    {
        var builder = new ClaimBuilder().On("2026-07-14");
        foreach (var code in codes)
        {
            builder.Line(code);
        }

        return builder.Build() with { PayerId = payer };
    }
}
