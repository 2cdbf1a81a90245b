using System.Text;
using Grpc.Core;
using Scrubber.Core.Mue;
using Scrubber.Generators;
using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>MUE edits through the real host (domain.md §3): the real practitioner excerpt in force from 2026-07-01, a
/// later practitioner quarter and the outpatient hospital and DME supplier tables written in the CMS layout. Each MAI
/// within a claim and across sent claims, lines split by modifiers, MUE 0, codes not in the file, OPH and DME claims,
/// line date ranges, status, reload and a broken file.</summary>
public sealed class MueEndToEndTests : IAsyncLifetime, IDisposable
{
    private const string July = "2026-08-03";
    private const string October = "2026-10-05";
    private readonly TempDirectory _tables = new();
    private RunningServer? _server;

    private RunningServer Server => _server!;

    private string OutpatientFolder => _tables.File("oph");

    public async Task InitializeAsync()
    {
        var practitioner = _tables.File("practitioner");
        Directory.CreateDirectory(practitioner);
        File.Copy(RepositoryPaths.MueExcerpt, Path.Combine(practitioner, Path.GetFileName(RepositoryPaths.MueExcerpt)));
        MueTableGenerator.WriteRows(practitioner, MueTableKind.Practitioner, new DateOnly(2026, 10, 1),
        [
            new MueRow("0009U", 2, 3, "Nature of Analyte"), new MueRow("97110", 4, 1), new MueRow("85025", 1, 1), new MueRow("20610", 1, 1),
            new MueRow("G0471", 0, 3, "Code Descriptor / CPT Instruction"),
        ]);
        MueTableGenerator.WriteRows(OutpatientFolder, MueTableKind.OutpatientHospital, new DateOnly(2026, 7, 1), [new MueRow("0009U", 5, 3)]);
        MueTableGenerator.WriteRows(_tables.File("dme"), MueTableKind.Dme, new DateOnly(2026, 7, 1), [new MueRow("E0114", 1, 2), new MueRow("A4253", 2, 3)]);
        _server = await RunningServer.StartAsync(
            $"--Mue:Practitioner:0={practitioner}", $"--Mue:OutpatientHospital:0={OutpatientFolder}", $"--Mue:Dme:0={_tables.File("dme")}");
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Dispose() => _tables.Dispose();

    [Fact]
    public async Task Mai3_ThreeUnitsOf0009U_IsAHardStopWithTheRowItCameFrom()
    {
        var response = await Scrub(WithUnits(ProtoClaims.Of(July, "0009U"), 3));

        var edit = Assert.Single(response.Edits);
        Assert.Equal(("MUE_UNITS_EXCEEDED", Severity.HardStop, RecommendedAction.AdjustUnits, "L1", "0009U"),
            (edit.EditType, edit.Severity, edit.RecommendedAction, edit.LineId, edit.Column1Code));
        Assert.Equal((true, 2, 3, 3.0), (edit.HasMue, edit.Mue, edit.MueAdjudicationIndicator, edit.UnitsCounted));
        Assert.Equal(("mue-practitioner-2026-07-01", "Nature of Analyte", "mue-practitioner-2026-07-01"), (edit.TableVersion, edit.Rationale, edit.Source));
        Assert.Contains("may allow them on appeal", edit.Message, StringComparison.Ordinal);
        Assert.Equal(Disposition.HardStop, response.Disposition);
        Assert.Empty(response.UnitsNotEvaluatedLineIds);
    }

    [Fact]
    public async Task EachDateOfService_IsEditedWithTheQuarterInForce()
    {
        var october = Assert.Single((await Scrub(WithUnits(ProtoClaims.Of(October, "0009U"), 3))).Edits);

        Assert.Equal("mue-practitioner-2026-10-01", october.TableVersion);
    }

    [Fact]
    public async Task Mai2_0001UOnTwoLinesOfOneClaim_DeniesBothSayingNoAppealOverturnsIt()
    {
        var response = await Scrub(ProtoClaims.Of(July, "0001U", "0001U-91"));

        var edits = response.Edits.Where(e => e.EditType == "MUE_UNITS_EXCEEDED").ToList();
        Assert.Equal([("L1", "L2"), ("L2", "L1")], edits.Select(e => (e.LineId, e.RelatedLineId)));
        Assert.All(edits, e => Assert.Equal((2, 2.0), (e.MueAdjudicationIndicator, e.UnitsCounted)));
        Assert.All(edits, e => Assert.Contains("cannot be overturned on appeal", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mai2_AUnitOnAClaimAlreadySent_CountsTowardTheDay_ButADraftDoesNot()
    {
        var draft = ProtoClaims.Of(July, "0001U");
        await Scrub(draft);
        Assert.DoesNotContain((await Scrub(ProtoClaims.Of(July, "0001U").ForPatient(draft.PatientId))).Edits, e => e.EditType == "MUE_UNITS_EXCEEDED");

        var sent = ProtoClaims.Of(July, "0001U").ForPatient(draft.PatientId);
        await SentClaims.ScrubAndConfirm(Server, sent);
        var later = await Scrub(ProtoClaims.Of(July, "0001U").ForPatient(draft.PatientId));

        var edit = Assert.Single(later.Edits, e => e.EditType == "MUE_UNITS_EXCEEDED");
        Assert.Equal((sent.ClaimId, "L1", 2.0), (edit.RelatedClaimId, edit.RelatedLineId, edit.UnitsCounted));
    }

    [Fact]
    public async Task Mai3_UnitsAlreadySentOnAnotherClaim_AddUp()
    {
        var sent = WithUnits(ProtoClaims.Of(July, "0009U"), 2);
        await SentClaims.ScrubAndConfirm(Server, sent);

        var later = await Scrub(ProtoClaims.Of(July, "0009U").ForPatient(sent.PatientId));

        var edit = Assert.Single(later.Edits, e => e.EditType == "MUE_UNITS_EXCEEDED");
        Assert.Equal((3, 3.0, sent.ClaimId), (edit.MueAdjudicationIndicator, edit.UnitsCounted, edit.RelatedClaimId));
    }

    [Fact]
    public async Task Mai1_LineOverTheLimit_AdvisesSplittingWithAModifier()
    {
        var edit = Assert.Single((await Scrub(WithUnits(ProtoClaims.Of(October, "97110"), 5))).Edits);

        Assert.Equal(("MUE_UNITS_EXCEEDED", 1, 4), (edit.EditType, edit.MueAdjudicationIndicator, edit.Mue));
        Assert.Equal(["76", "XS"], edit.SuggestedModifiers.Select(s => s.Modifier));
        Assert.All(edit.SuggestedModifiers, s => Assert.Equal("L1", s.LineId));
    }

    [Theory]
    [InlineData("97110", "97110-76")]
    [InlineData("85025", "85025-91")]
    [InlineData("20610-RT", "20610-LT")]
    public async Task Mai1_LinesSplitByAModifier_AreEachWithinTheLimit(string first, string second)
    {
        var response = await Scrub(ProtoClaims.Of(October, first, second));

        Assert.DoesNotContain(response.Edits, e => e.EditType == "MUE_UNITS_EXCEEDED");
        Assert.Empty(response.UnitsNotEvaluatedLineIds);
    }

    [Fact]
    public async Task Mue0_IsNotPayable()
    {
        var edit = Assert.Single((await Scrub(ProtoClaims.Of(October, "G0471"))).Edits);

        Assert.Equal(("MUE_NOT_PAYABLE", Severity.HardStop, RecommendedAction.RemoveLine, 0), (edit.EditType, edit.Severity, edit.RecommendedAction, edit.Mue));
        Assert.True(edit.HasMue);
    }

    [Fact]
    public async Task CodeNotInTheFile_IsListedAsNotEvaluated()
    {
        var response = await Scrub(WithUnits(ProtoClaims.Of(July, "0009U", "99213"), 1));

        Assert.Equal(["L2"], response.UnitsNotEvaluatedLineIds);
        Assert.Equal(Disposition.Clean, response.Disposition);
    }

    [Fact]
    public async Task OutpatientClaim_UsesTheOutpatientTable()
    {
        var within = WithUnits(ProtoClaims.Of(July, "0009U"), 5);
        within.Setting = Setting.OutpatientHospital;
        var over = WithUnits(ProtoClaims.Of(July, "0009U"), 6);
        over.Setting = Setting.OutpatientHospital;

        Assert.Empty((await Scrub(within)).Edits);
        Assert.Equal("mue-outpatient-hospital-2026-07-01", Assert.Single((await Scrub(over)).Edits).TableVersion);
    }

    [Fact]
    public async Task DmeClaim_GetsMueEditsOnly()
    {
        var claim = WithUnits(ProtoClaims.Of(July, "E0114", "0001A", "99213"), 2);
        claim.Setting = Setting.Dme;

        var response = await Scrub(claim);

        var edit = Assert.Single(response.Edits);
        Assert.Equal(("MUE_UNITS_EXCEEDED", "L1", "mue-dme-2026-07-01"), (edit.EditType, edit.LineId, edit.TableVersion));
        Assert.Equal(["L2", "L3"], response.UnitsNotEvaluatedLineIds);
        Assert.Empty(response.NcciVersion);
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(7, false)]
    [InlineData(8, true)]
    public async Task LineSpanningThreeDays_DividesItsUnitsByTheDays(double units, bool exceeds)
    {
        var claim = WithUnits(ProtoClaims.Of(July, "A4253"), units);
        claim.Setting = Setting.Dme;
        claim.Lines[0].ServiceDateEnd = "2026-08-05";

        var response = await Scrub(claim);

        Assert.Equal(exceeds, response.Edits.Any(e => e.EditType == "MUE_UNITS_EXCEEDED"));
    }

    [Theory]
    [InlineData("2026-08-02", "is before the line's service_date")]
    [InlineData("2026-13-01", "is not a YYYY-MM-DD date")]
    [InlineData("2028-01-01", "makes the line span more than 366 days")]
    public async Task ServiceDateEnd_Invalid_IsInvalidArgumentNamingTheField(string end, string reason)
    {
        var claim = ProtoClaims.Of(July, "A4253");
        claim.Lines[0].ServiceDateEnd = end;

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Scrub(claim));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("claim.lines[0].service_date_end", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ListsEveryMueRelease()
    {
        var status = await Server.Admin.GetStatusAsync(new GetStatusRequest());

        Assert.Equal(
            [("practitioner", "mue-practitioner-2026-07-01", "2026-07-01", 44L), ("practitioner", "mue-practitioner-2026-10-01", "2026-10-01", 5L),
             ("outpatient_hospital", "mue-outpatient-hospital-2026-07-01", "2026-07-01", 1L), ("dme", "mue-dme-2026-07-01", "2026-07-01", 2L),
             ("medicaid_practitioner", "medicaid-mue-practitioner-2026-07-01", "2026-07-01", 5L),
             ("medicaid_outpatient_hospital", "medicaid-mue-outpatient-hospital-2026-07-01", "2026-07-01", 3L)],
            status.MueTables.Select(t => (t.Table, t.Version, t.AppliesFrom, t.Codes)));
        var october = status.MueTables[1];
        Assert.Equal((1L, 3L, 0L, 2L), (october.NotPayable, october.LineEdits, october.PolicyDateEdits, october.ClinicalDateEdits));
    }

    [Fact]
    public async Task ReloadTables_NewMueQuarter_IsInForceAtOnce_AndABrokenFileIsRefusedNamingTheLine()
    {
        MueTableGenerator.WriteRows(OutpatientFolder, MueTableKind.OutpatientHospital, new DateOnly(2026, 10, 1), [new MueRow("0009U", 1, 3)]);
        var reply = await Server.Admin.ReloadTablesAsync(new ReloadTablesRequest());
        Assert.Contains(reply.MueTables, t => t.Version == "mue-outpatient-hospital-2026-10-01");
        var claim = WithUnits(ProtoClaims.Of(October, "0009U"), 2);
        claim.Setting = Setting.OutpatientHospital;
        Assert.Equal("mue-outpatient-hospital-2026-10-01", Assert.Single((await Scrub(claim)).Edits).TableVersion);

        var broken = Path.Combine(OutpatientFolder, "MCR_MUE_OutpatientHospitalServices_Eff_01-01-2027.csv");
        await File.WriteAllTextAsync(broken, File.ReadAllText(RepositoryPaths.MueExcerpt, Encoding.Latin1)
            .Replace("Practitioner Services", "Outpatient Hospital Services", StringComparison.Ordinal) + "0042U,1,7 Unknown,x\r\n", Encoding.Latin1);
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Server.Admin.ReloadTablesAsync(new ReloadTablesRequest()));

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains($"{broken}:54: the MUE adjudication indicator '7 Unknown' of 0042U does not start with 1, 2 or 3", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("mue-outpatient-hospital-2026-10-01", Assert.Single((await Scrub(claim)).Edits).TableVersion);
        Assert.Contains(broken, (await Server.Admin.GetStatusAsync(new GetStatusRequest())).NcciRejection, StringComparison.Ordinal);
        File.Delete(broken);
        await Server.Admin.ReloadTablesAsync(new ReloadTablesRequest());
    }

    private Task<ScrubClaimResponse> Scrub(Claim claim) => Server.Scrubber.ScrubClaimAsync(claim.Request()).ResponseAsync;

    private static Claim WithUnits(Claim claim, double units)
    {
        claim.Lines[0].Units = units;
        return claim;
    }
}
