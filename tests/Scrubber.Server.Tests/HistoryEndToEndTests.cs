using Google.Protobuf;
using Scrubber.Generators;
using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;
using OutcomesClient = Scrubber.V1.Outcomes.OutcomesClient;

namespace Scrubber.Server.Tests;

/// <summary>History through the real host: only what was sent pairs with a later claim of the same patient, the claim
/// lifecycle (replacement, void) changes what was sent, advice lands on a real line of the right claim, and duplicates
/// and same-day visits are caught on one claim and across claims.</summary>
public sealed class HistoryEndToEndTests : IAsyncLifetime
{
    private const string Day = "2023-06-15";
    private static readonly HashSet<string> Em25Eligible = ["99202", "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215", "92002", "92004", "92012", "92014"];
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task DraftNeverSent_DoesNotPairWithTheCorrectedClaim_ButOnceConfirmedItDoes()
    {
        var draft = ProtoClaims.Of(Day, "0001A", "36591");
        Assert.Equal(Disposition.HardStop, (await Scrub(draft)).Disposition);

        var corrected = await Scrub(ProtoClaims.Of(Day, "0001A").ForPatient(draft.PatientId));
        Assert.Equal(Disposition.Clean, corrected.Disposition);

        var sent = ProtoClaims.Of(Day, "0001A").ForPatient(draft.PatientId);
        await SentClaims.ScrubAndConfirm(Server, sent);
        var later = await Scrub(ProtoClaims.Of(Day, "36591").ForPatient(draft.PatientId));

        var edit = Assert.Single(later.Edits);
        Assert.Equal(("NCCI_PTP", Severity.HardStop, sent.ClaimId, "L1"), (edit.EditType, edit.Severity, edit.RelatedClaimId, edit.RelatedLineId));
        Assert.Equal(RecommendedAction.RemoveLine, edit.RecommendedAction);
    }

    [Fact]
    public async Task DraftReKeyedWithAModifier_DrawsNothingFromItsOwnAbandonedDraft()
    {
        var draft = ProtoClaims.Of(Day, "0001U", "0030U");
        Assert.Equal(Disposition.HardStop, (await Scrub(draft)).Disposition);

        var rekeyed = await Scrub(ProtoClaims.Of(Day, "0001U", "0030U-XE").ForPatient(draft.PatientId));

        Assert.Equal(Disposition.Clean, rekeyed.Disposition);
        var bypass = Assert.Single(rekeyed.Edits);
        Assert.Equal(("NCCI_PTP_BYPASSED", "L2", ""), (bypass.EditType, bypass.LineId, bypass.RelatedClaimId));
    }

    [Fact]
    public async Task ClaimAdjudicatedByAn835_PairsWithoutAConfirmation()
    {
        var earlier = ProtoClaims.Of(Day, "0001A");
        await Scrub(earlier);
        var remit = new Remittance835Writer(seed: 3).Write([RemitSpecs.Paid(earlier)], new DateOnly(2023, 7, 1));
        await Ingest(remit, "era.835");

        var later = await Scrub(ProtoClaims.Of(Day, "36591").ForPatient(earlier.PatientId));

        Assert.Equal(earlier.ClaimId, Assert.Single(later.Edits).RelatedClaimId);
    }

    [Fact]
    public async Task LineDeniedInFull_LeavesHistory_AndAReversalTakesTheClaimOut()
    {
        var sent = ProtoClaims.Of(Day, "93000", "85025");
        await SentClaims.ScrubAndConfirm(Server, sent);
        await Ingest(new Remittance835Writer(seed: 5).Write([RemitSpecs.DeniedSecondLine(sent, "ICN-D")], new DateOnly(2023, 7, 1)), "era-denied.835");

        var deniedLineAgain = await Scrub(ProtoClaims.Of(Day, "85025").ForPatient(sent.PatientId));
        var paidLineAgain = await Scrub(ProtoClaims.Of(Day, "93000").ForPatient(sent.PatientId));
        Assert.Empty(deniedLineAgain.Edits);
        Assert.Equal(sent.ClaimId, Assert.Single(paidLineAgain.Edits, e => e.EditType == "DUPLICATE_SERVICE").RelatedClaimId);

        var reversal = RemitSpecs.Paid(sent) with { Status = "22" };
        await Ingest(new Remittance835Writer(seed: 6).Write([reversal], new DateOnly(2023, 7, 8)), "era-reversal.835");

        var afterReversal = await Scrub(ProtoClaims.Of(Day, "93000").ForPatient(sent.PatientId));
        Assert.Empty(afterReversal.Edits);
    }

    [Fact]
    public async Task CountUnconfirmedScrubs_MakesTheLatestScrubOfADraftCountAsSent()
    {
        await using var server = await RunningServer.StartAsync("--Audit:CountUnconfirmedScrubs=true");
        var draft = ProtoClaims.Of(Day, "0001A");
        await server.Scrubber.ScrubClaimAsync(draft.Request());

        var later = await server.Scrubber.ScrubClaimAsync(ProtoClaims.Of(Day, "36591").ForPatient(draft.PatientId).Request());

        Assert.Equal(draft.ClaimId, Assert.Single(later.Edits).RelatedClaimId);
    }

    [Fact]
    public async Task ConfirmedReplacement_StandsInPlaceOfItsOriginal_AndAVoidRemovesIt()
    {
        var original = ProtoClaims.Of(Day, "0001A", "90471");
        await SentClaims.ScrubAndConfirm(Server, original);
        var replacement = ProtoClaims.Of(Day, "90471").ForPatient(original.PatientId);
        replacement.Frequency = ClaimFrequency.Replacement;
        replacement.OriginalClaimId = original.ClaimId;

        // The replacement is scrubbed without the claim it replaces: its 90471 would otherwise duplicate the original's.
        var replaced = await SentClaims.ScrubAndConfirm(Server, replacement);
        Assert.Equal((Disposition.Clean, 0), (replaced.Response.Disposition, replaced.Response.Edits.Count));

        var afterReplacement = await Scrub(ProtoClaims.Of(Day, "36591").ForPatient(original.PatientId));
        Assert.Empty(afterReplacement.Edits);
        var duplicate = await Scrub(ProtoClaims.Of(Day, "90471").ForPatient(original.PatientId));
        Assert.Equal(replacement.ClaimId, Assert.Single(duplicate.Edits, e => e.EditType == "DUPLICATE_SERVICE").RelatedClaimId);

        var @void = ProtoClaims.Of(Day, "90471").ForPatient(original.PatientId);
        (@void.Frequency, @void.OriginalClaimId) = (ClaimFrequency.Void, replacement.ClaimId);
        var voided = await SentClaims.ScrubAndConfirm(Server, @void);
        Assert.Equal((Disposition.Clean, 0), (voided.Response.Disposition, voided.Response.Edits.Count));

        var afterVoid = await Scrub(ProtoClaims.Of(Day, "90471").ForPatient(original.PatientId));
        Assert.Empty(afterVoid.Edits);
    }

    [Fact]
    public async Task CollidingLineIds_EverySuggestionNamesARealLineOfItsClaim_ValidForItsCode()
    {
        var earlier = ProtoClaims.Of(Day, "99213", "85025");
        await SentClaims.ScrubAndConfirm(Server, earlier);
        var claim = ProtoClaims.Of(Day, "85025-91", "0001A").ForPatient(earlier.PatientId);

        var response = await Scrub(claim);

        var edit = Assert.Single(response.Edits, e => e.EditType == "NCCI_PTP");
        Assert.Equal(("L2", "L1", earlier.ClaimId), (edit.LineId, edit.RelatedLineId, edit.RelatedClaimId));
        Assert.Contains($"99213 (line L1 of claim {earlier.ClaimId}, already sent)", edit.Message, StringComparison.Ordinal);
        var claims = new Dictionary<string, Claim> { [earlier.ClaimId] = earlier, [claim.ClaimId] = claim };
        var suggestions = response.Edits.SelectMany(e => e.SuggestedModifiers).ToList();
        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s =>
        {
            var line = Assert.Single(claims[s.ClaimId].Lines, l => l.LineId == s.LineId);
            Assert.True(s.Modifier != "25" || Em25Eligible.Contains(line.ProcedureCode), $"25 suggested on {line.ProcedureCode}");
        });
    }

    [Fact]
    public async Task SplitPair_AdvisesReplacingTheEarlierClaim()
    {
        var earlier = ProtoClaims.Of(Day, "99213");
        await SentClaims.ScrubAndConfirm(Server, earlier);

        var response = await Scrub(ProtoClaims.Of(Day, "0001A").ForPatient(earlier.PatientId));

        var edit = Assert.Single(response.Edits);
        Assert.Equal((RecommendedAction.ReplaceEarlierClaim, "L1", earlier.ClaimId), (edit.RecommendedAction, edit.LineId, edit.RelatedClaimId));
        Assert.Contains("Keep 0001A", edit.Message, StringComparison.Ordinal);
        Assert.Contains($"replacement (frequency 7) of claim {earlier.ClaimId}", edit.Message, StringComparison.Ordinal);
        Assert.Equal(("25", earlier.ClaimId, "L1"), (edit.SuggestedModifiers[0].Modifier, edit.SuggestedModifiers[0].ClaimId, edit.SuggestedModifiers[0].LineId));
    }

    [Theory]
    [InlineData("85025", "85025", "DUPLICATE_SERVICE")]
    [InlineData("93000", "93000-25", "DUPLICATE_SERVICE")]
    [InlineData("99213", "99213", "DUPLICATE_SERVICE")]
    [InlineData("99203", "99204", "SAME_DAY_EM")]
    [InlineData("99213", "99214", "SAME_DAY_EM")]
    [InlineData("85025", "85025-91", null)]
    [InlineData("93000", "93000-76", null)]
    [InlineData("20610-RT", "20610-LT", null)]
    public async Task DuplicatesAndSameDayVisits_OnOneClaimAndAcrossClaims(string first, string second, string? expected)
    {
        var oneClaim = await Scrub(ProtoClaims.Of(Day, first, second));
        var earlier = ProtoClaims.Of(Day, first);
        await SentClaims.ScrubAndConfirm(Server, earlier);
        var acrossClaims = await Scrub(ProtoClaims.Of(Day, second).ForPatient(earlier.PatientId));

        if (expected is null)
        {
            Assert.DoesNotContain(oneClaim.Edits, e => e.EditType is "DUPLICATE_SERVICE" or "SAME_DAY_EM");
            Assert.DoesNotContain(acrossClaims.Edits, e => e.EditType is "DUPLICATE_SERVICE" or "SAME_DAY_EM");
            return;
        }

        var within = Assert.Single(oneClaim.Edits, e => e.EditType == expected);
        var across = Assert.Single(acrossClaims.Edits, e => e.EditType == expected);
        Assert.Equal(("L2", "L1", ""), (within.LineId, within.RelatedLineId, within.RelatedClaimId));
        Assert.Equal(("L1", "L1", earlier.ClaimId), (across.LineId, across.RelatedLineId, across.RelatedClaimId));
        Assert.Equal(RecommendedAction.RemoveLine, within.RecommendedAction);
        Assert.Equal(expected == "DUPLICATE_SERVICE" ? Severity.HardStop : Severity.Warning, across.Severity);
    }

    [Fact]
    public async Task EveryEditOfTheSampleClaims_SetsARecommendedAction()
    {
        string[][] claims = [["0001A", "36591"], ["0001U", "0030U"], ["0001U", "0030U-XE"], ["99213", "36591-25"], ["85025", "85025"], ["99203", "99204"]];
        foreach (var codes in claims)
        {
            var response = await Scrub(ProtoClaims.Of(Day, codes));
            Assert.All(response.Edits, e => Assert.NotEqual(RecommendedAction.Unspecified, e.RecommendedAction));
        }
    }

    private async Task Ingest(string remit, string name)
    {
        var answer = await new OutcomesClient(Server.Channel).IngestRemittanceAsync(new IngestRemittanceRequest { Content = ByteString.CopyFromUtf8(remit), FileName = name });
        Assert.Equal(1, answer.MatchedClaims);
    }

    private async Task<ScrubClaimResponse> Scrub(Claim claim) => await Server.Scrubber.ScrubClaimAsync(claim.Request());
}
