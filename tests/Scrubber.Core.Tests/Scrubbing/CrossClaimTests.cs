using Scrubber.Core.Claims;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Scrubbing;

/// <summary>NCCI pairs across claims: a new claim's lines against lines already sent for the same patient, provider and date.</summary>
public sealed class CrossClaimTests
{
    private static readonly ClaimScrubber Scrubber = new(new ScrubOptions());
    private static readonly DateOnly Day = new(2023, 6, 15);

    [Fact]
    public void Scrub_NewColumnTwoLineAgainstEarlierColumnOne_HardStopsTheNewLineNamingTheEarlierClaim()
    {
        var claim = new ClaimBuilder().On("2023-06-15").Line("36591").Build();

        var edit = Assert.Single(Scrub(claim, Prior("CLM-EARLIER", "7", "0001A")).Edits);

        Assert.Equal((EditTypes.NcciPtp, Severity.HardStop), (edit.EditType, edit.Severity));
        Assert.Equal(("L1", "7", "CLM-EARLIER"), (edit.LineId, edit.RelatedLineId, edit.RelatedClaimId));
        Assert.Equal(("0001A", "36591"), (edit.Column1Code, edit.Column2Code));
        Assert.StartsWith("Across claims: 36591 (line L1) is bundled into 0001A (line 7 of claim CLM-EARLIER, already sent)", edit.Message, StringComparison.Ordinal);
        Assert.Equal(RecommendedAction.RemoveLine, edit.Action);
    }

    [Fact]
    public void Scrub_NewColumnOneLineAfterEarlierColumnTwo_AdvisesReplacingTheEarlierClaim()
    {
        var claim = new ClaimBuilder().On("2023-06-15").Line("0001A").Build();

        var edit = Assert.Single(Scrub(claim, Prior("CLM-EARLIER", "3", "99213")).Edits);

        Assert.Equal(("L1", "3", "CLM-EARLIER"), (edit.LineId, edit.RelatedLineId, edit.RelatedClaimId));
        Assert.Equal((Severity.HardStop, RecommendedAction.ReplaceEarlierClaim), (edit.Severity, edit.Action));
        Assert.Contains("Keep 0001A", edit.Message, StringComparison.Ordinal);
        Assert.Contains("send a replacement (frequency 7) of claim CLM-EARLIER that carries both services", edit.Message, StringComparison.Ordinal);
        var suggestion = Assert.Single(edit.SuggestedModifiers);
        Assert.Equal(("25", "CLM-EARLIER", "3"), (suggestion.Modifier, suggestion.ClaimId, suggestion.LineId));
    }

    [Fact]
    public void Scrub_CollidingLineIds_NameEachLineByItsClaimAndPutEachSuggestionOnARealLineOfItsCode()
    {
        // The earlier claim's 99213 is its line L1; the new claim's L1 is a lab test and its L2 the vaccine administration.
        var claim = new ClaimBuilder().For("CLM-NEW").On("2023-06-15").Line("85025").Line("0001A").Build();

        var edit = Assert.Single(Scrub(claim, Prior("CLM-EARLIER", "L1", "99213")).Edits);

        Assert.Equal(("L2", "L1", "CLM-EARLIER"), (edit.LineId, edit.RelatedLineId, edit.RelatedClaimId));
        Assert.Contains("99213 (line L1 of claim CLM-EARLIER, already sent) is bundled into 0001A (line L2)", edit.Message, StringComparison.Ordinal);
        var suggestion = Assert.Single(edit.SuggestedModifiers);
        Assert.Equal(("25", "CLM-EARLIER", "L1"), (suggestion.Modifier, suggestion.ClaimId, suggestion.LineId));
    }

    [Fact]
    public void Scrub_NewEmLineAgainstEarlierProcedure_Advises25OnTheNewLine()
    {
        var claim = new ClaimBuilder().For("CLM-NEW").On("2023-06-15").Line("99213").Build();

        var edit = Assert.Single(Scrub(claim, Prior("CLM-EARLIER", "L1", "0001A")).Edits);

        Assert.Equal((RecommendedAction.AddModifier, "L1", "CLM-EARLIER"), (edit.Action, edit.LineId, edit.RelatedClaimId));
        var suggestion = Assert.Single(edit.SuggestedModifiers);
        Assert.Equal(("25", "CLM-NEW", "L1"), (suggestion.Modifier, suggestion.ClaimId, suggestion.LineId));
    }

    [Fact]
    public void Scrub_EarlierLineOfAnotherDateOrProvider_DoesNotPair()
    {
        var claim = new ClaimBuilder().On("2023-06-15").Line("36591").Build();
        var otherDay = new PriorLine("A", ClaimBuilder.BillingNpi, Line("1", "0001A", Day.AddDays(1), string.Empty));
        var otherProvider = new PriorLine("B", ClaimBuilder.BillingNpi, Line("1", "0001A", Day, "1245319599"));

        Assert.Empty(Scrub(claim, otherDay, otherProvider).Edits);
    }

    [Fact]
    public void Scrub_EarlierScrubOfTheSameClaim_IsNotAPair()
    {
        var claim = new ClaimBuilder().On("2023-06-15").Line("36591").Build();

        Assert.Empty(Scrub(claim, Prior(claim.ClaimId, "1", "0001A")).Edits);
    }

    [Fact]
    public void Scrub_NewLineBypassedByItsOwnModifier_IsAnInfoNamingTheEarlierClaim()
    {
        var claim = new ClaimBuilder().On("2026-07-01").Line("0030U", "XE").Build();

        var edit = Assert.Single(Scrub(claim, new PriorLine("CLM-LAB", ClaimBuilder.BillingNpi, Line("2", "0001U", new DateOnly(2026, 7, 1), string.Empty))).Edits);

        Assert.Equal((EditTypes.NcciPtpBypassed, "XE", "CLM-LAB"), (edit.EditType, edit.BypassModifier, edit.RelatedClaimId));
    }

    private static ScrubResult Scrub(Claim claim, params PriorLine[] history) =>
        Scrubber.Scrub(claim, SampleTables.Snapshot, PackSet.Empty, history);

    private static PriorLine Prior(string claimId, string lineId, string code) =>
        new(claimId, ClaimBuilder.BillingNpi, Line(lineId, code, Day, string.Empty));

    private static ClaimLine Line(string id, string code, DateOnly date, string rendering) =>
        new(id, HcpcsCode.Parse(code), [], date, rendering, 50m, 1, []);
}
