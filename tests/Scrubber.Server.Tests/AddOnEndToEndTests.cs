using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>Add-on code edits through the real host with the shipped add-on sample (domain.md §4): type 1 (11045 with
/// 11042), type 3 (90833 with an office E/M, or an E/M the payer's pack accepts) and type 2 (0054T, contractor
/// primaries), with and without their primary, on one claim and across claims already sent, and 99292 after a 99291
/// that began the day before.</summary>
public sealed class AddOnEndToEndTests : IAsyncLifetime
{
    private const string Day = "2026-08-03";
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task Type1_WithoutItsPrimary_IsAHardStopAskingForThePrimary()
    {
        var response = await Scrub(ProtoClaims.Of(Day, "11045"));

        var edit = Assert.Single(response.Edits);
        Assert.Equal(("ADDON_WITHOUT_PRIMARY", Severity.HardStop, RecommendedAction.AddPrimary, "L1", "AOC_V2026Q3"),
            (edit.EditType, edit.Severity, edit.RecommendedAction, edit.LineId, edit.Source));
        Assert.Contains("11042", edit.Message, StringComparison.Ordinal);
        Assert.False(edit.HasModifierIndicator);
    }

    [Fact]
    public async Task Type1_WithItsPrimaryOnTheClaim_IsClean()
    {
        Assert.DoesNotContain((await Scrub(ProtoClaims.Of(Day, "11042", "11045"))).Edits, e => e.EditType == "ADDON_WITHOUT_PRIMARY");
    }

    [Fact]
    public async Task Type1_PrimaryOnAnotherProvidersLine_DoesNotCount()
    {
        var claim = ProtoClaims.Of(Day, "11042", "11045");
        claim.Lines[0].RenderingProviderNpi = "1245319599";

        Assert.Equal("L2", Assert.Single((await Scrub(claim)).Edits, e => e.EditType == "ADDON_WITHOUT_PRIMARY").LineId);
    }

    [Fact]
    public async Task Type1_PrimaryOnAClaimAlreadySent_Counts_ButADraftDoesNot()
    {
        var draft = ProtoClaims.Of(Day, "11042");
        await Scrub(draft);
        Assert.Single((await Scrub(ProtoClaims.Of(Day, "11045").ForPatient(draft.PatientId))).Edits, e => e.EditType == "ADDON_WITHOUT_PRIMARY");

        var sent = ProtoClaims.Of(Day, "11042").ForPatient(draft.PatientId);
        await SentClaims.ScrubAndConfirm(Server, sent);

        Assert.DoesNotContain((await Scrub(ProtoClaims.Of(Day, "11045").ForPatient(draft.PatientId))).Edits, e => e.EditType == "ADDON_WITHOUT_PRIMARY");
    }

    [Fact]
    public async Task CriticalCare99292_After99291SentForTheDayBefore_Counts()
    {
        var sent = ProtoClaims.Of("2026-08-02", "99291");
        await SentClaims.ScrubAndConfirm(Server, sent);

        var nextDay = await Scrub(ProtoClaims.Of(Day, "99292").ForPatient(sent.PatientId));
        var twoDaysLater = await Scrub(ProtoClaims.Of("2026-08-04", "99292").ForPatient(sent.PatientId));

        Assert.DoesNotContain(nextDay.Edits, e => e.EditType == "ADDON_WITHOUT_PRIMARY");
        Assert.Single(twoDaysLater.Edits, e => e.EditType == "ADDON_WITHOUT_PRIMARY");
    }

    [Fact]
    public async Task Type3_WithAListedEm_IsClean_AndAloneIsAHardStop()
    {
        Assert.DoesNotContain((await Scrub(ProtoClaims.Of(Day, "99213", "90833"))).Edits, e => e.EditType == "ADDON_WITHOUT_PRIMARY");

        var alone = Assert.Single((await Scrub(ProtoClaims.Of(Day, "90833"))).Edits, e => e.EditType == "ADDON_WITHOUT_PRIMARY");
        Assert.Equal(Severity.HardStop, alone.Severity);
    }

    [Fact]
    public async Task Type3_WithAnEmThePayersPackAccepts_IsClean_ButNotForAPayerWithoutThatPack()
    {
        // 99232 (subsequent hospital care) is not a listed primary of 90833 in the sample; MindWell's pack names the
        // em code set as its primaries.
        var medicare = ProtoClaims.Of(Day, "99232", "90833");
        var mindwell = ProtoClaims.Of(Day, "99232", "90833").ForPayer("MINDWELL");

        Assert.Single((await Scrub(medicare)).Edits, e => e.EditType == "ADDON_WITHOUT_PRIMARY");
        Assert.DoesNotContain((await Scrub(mindwell)).Edits, e => e.EditType == "ADDON_WITHOUT_PRIMARY");
    }

    [Fact]
    public async Task Type2_AloneWithNoPackPrimaries_IsAWarningForReview_AndBesideAnotherProcedureNothing()
    {
        var alone = Assert.Single((await Scrub(ProtoClaims.Of(Day, "0054T"))).Edits, e => e.EditType == "ADDON_WITHOUT_PRIMARY");
        Assert.Equal((Severity.Warning, RecommendedAction.Review), (alone.Severity, alone.RecommendedAction));

        Assert.DoesNotContain((await Scrub(ProtoClaims.Of(Day, "27447", "0054T"))).Edits, e => e.EditType == "ADDON_WITHOUT_PRIMARY");
    }

    [Fact]
    public async Task Status_ListsTheAddOnRelease()
    {
        var table = Assert.Single((await Server.Admin.GetStatusAsync(new GetStatusRequest())).AddOnTables);

        Assert.Equal(("AOC_V2026Q3", "2026-07-01", 12), (table.Version, table.AppliesFrom, table.AddOnCodes));
        Assert.EndsWith("AOC_V2026Q3-MCR.sample.txt", Assert.Single(table.Files), StringComparison.Ordinal);
    }

    private Task<ScrubClaimResponse> Scrub(Claim claim) => Server.Scrubber.ScrubClaimAsync(claim.Request()).ResponseAsync;
}
