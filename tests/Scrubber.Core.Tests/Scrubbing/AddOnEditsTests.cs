using Scrubber.Core.AddOnCodes;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;
using Scrubber.Core.Tests.AddOnCodes;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Scrubbing;

/// <summary>ADDON_WITHOUT_PRIMARY: an add-on line needs an eligible, payable primary for the same patient, practitioner
/// and date, on the claim or already sent; run after the real PTP phase, on the bundled AOC sample.</summary>
public sealed class AddOnEditsTests : IDisposable
{
    private const string Date = "2026-07-15";
    private const string OtherNpi = "1987654327";
    private static readonly Lazy<AddOnCodeTableSet> Sample = new(() => AddOnCodeLoader.Load("AddOnCodes:Files", [AddOnCodeFiles.Sample]));
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TypeOne_PrimaryOnTheClaim_NoEdit()
    {
        var claim = new ClaimBuilder().On(Date).Line("11042").Line("11045").Build();

        Assert.Empty(Scrub(claim));
    }

    [Fact]
    public void TypeOne_NoPrimary_IsAHardStopToAddThePrimaryNamingIt()
    {
        var claim = new ClaimBuilder().On(Date).Line("99213").Line("11045").Build();

        var edit = Assert.Single(Scrub(claim));

        Assert.Equal((EditTypes.AddOnWithoutPrimary, Severity.HardStop, RecommendedAction.AddPrimary), (edit.EditType, edit.Severity, edit.Action));
        Assert.Equal(("L2", string.Empty, null, "AOC_V2026Q3"), (edit.LineId, edit.RelatedLineId, edit.RelatedClaimId, edit.Source));
        Assert.Contains("11045 (line L2) is an add-on code (CMS AOC type 1", edit.Message, StringComparison.Ordinal);
        Assert.Contains("Eligible primaries include 11042.", edit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TypeOne_AnotherTypeOnesPrimary_DoesNotCount()
    {
        var claim = new ClaimBuilder().On(Date).Line("11043").Line("11045").Build();

        Assert.Equal("L2", Assert.Single(Scrub(claim)).LineId);
    }

    [Fact]
    public void TypeOne_PrimaryByAnotherPractitioner_DoesNotCountUnlessTheScopeIsTheBillingNpi()
    {
        var claim = new ClaimBuilder().On(Date).Line("11042").LineBy("11045", OtherNpi).Build();

        Assert.Single(Scrub(claim));
        Assert.Empty(Scrub(claim, scope: ProviderScope.BillingNpi));
    }

    [Fact]
    public void TypeOne_PrimaryTheDayBefore_DoesNotCount()
    {
        var claim = new ClaimBuilder().On(Date).LineOn("11042", new DateOnly(2026, 7, 14), string.Empty).Line("11045").Build();

        Assert.Single(Scrub(claim));
    }

    [Fact]
    public void TypeOne_PrimaryAlreadySentOnAnEarlierClaim_Counts()
    {
        var claim = new ClaimBuilder().For("CLM-2").On(Date).Line("11045").Build();

        Assert.Empty(Scrub(claim, [Sent("CLM-1", "11042", Date)]));
    }

    [Fact]
    public void TypeOne_PrimaryOnlyInThisClaimsOwnHistoryOrTheClaimItReplaces_DoesNotCount()
    {
        var claim = new ClaimBuilder().For("CLM-2").On(Date).Line("11045").Build() with
        {
            Frequency = ClaimFrequency.Replacement,
            OriginalClaimId = "CLM-1",
        };

        Assert.Single(Scrub(claim, [Sent("CLM-2", "11042", Date)]));
        Assert.Single(Scrub(claim, [Sent("CLM-1", "11042", Date)]));
    }

    [Fact]
    public void TypeOne_PrimarySentByAnotherPractitioner_DoesNotCount()
    {
        var claim = new ClaimBuilder().For("CLM-2").On(Date).Line("11045").Build();
        var prior = new PriorLine("CLM-1", ClaimBuilder.BillingNpi,
            new ClaimLine("1", HcpcsCode.Parse("11042"), [], new DateOnly(2026, 7, 15), OtherNpi, 100m, 1, []));

        Assert.Single(Scrub(claim, [prior]));
    }

    [Fact]
    public void CriticalCare_99292AfterMidnight_TakesThe99291SentTheDayBefore()
    {
        var claim = new ClaimBuilder().For("CLM-2").On("2026-07-16").Line("99292").Build();

        Assert.True(HistoryWindow.For(claim).Contains(new DateOnly(2026, 7, 15)));
        Assert.Empty(Scrub(claim, [Sent("CLM-1", "99291", "2026-07-15")]));
        Assert.Single(Scrub(claim, [Sent("CLM-1", "99291", "2026-07-14")]));
        Assert.Single(Scrub(claim, [Sent("CLM-1", "99291", "2026-07-17")]));
    }

    [Fact]
    public void CriticalCare_99291BeforeMidnightOnTheSameClaim_Counts()
    {
        var claim = new ClaimBuilder().On("2026-07-16").LineOn("99291", new DateOnly(2026, 7, 15), string.Empty).Line("99292").Build();

        Assert.Empty(Scrub(claim));
    }

    [Fact]
    public void TypeThree_ListedPrimary_NoEdit()
    {
        var claim = new ClaimBuilder().On(Date).Line("99213").Line("90833").Build();

        Assert.Empty(Scrub(claim));
    }

    [Fact]
    public void TypeThree_UnlistedPrimaryWithoutAPackSet_IsAHardStop()
    {
        var claim = new ClaimBuilder().On(Date).Line("99232").Line("90836").Build();

        var edit = Assert.Single(Scrub(claim));

        Assert.Equal((Severity.HardStop, RecommendedAction.AddPrimary), (edit.Severity, edit.Action));
        Assert.Contains("CMS AOC type 3", edit.Message, StringComparison.Ordinal);
        Assert.Contains("99202, 99203, 99204, 99205, 99212 and 3 more", edit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TypeThree_PrimaryFromThePacksSet_Counts()
    {
        var pack = PackWith(new() { ["90836"] = "em" });
        var claim = new ClaimBuilder().On(Date).Line("99232").Line("90836").Build();

        Assert.Empty(Scrub(claim, pack: pack));
        Assert.Contains("the payer's 'em' codes (99202-99205, 99211-99215, …)",
            Assert.Single(Scrub(new ClaimBuilder().On(Date).Line("90836").Build(), pack: pack)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TypeOne_PacksSet_IsIgnored()
    {
        var pack = PackWith(new() { ["11045"] = "em" });
        var claim = new ClaimBuilder().On(Date).Line("99213").Line("11045").Build();

        Assert.Single(Scrub(claim, pack: pack));
    }

    [Fact]
    public void TypeTwo_AloneWithoutAPackSet_IsAWarningForReview()
    {
        var claim = new ClaimBuilder().On(Date).Line("0054T").Build();

        var edit = Assert.Single(Scrub(claim));

        Assert.Equal((Severity.Warning, RecommendedAction.Review, "L1"), (edit.Severity, edit.Action, edit.LineId));
        Assert.Contains("AOC type 2", edit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TypeTwo_WithOnlyOtherAddOnsThatDay_IsAWarning()
    {
        var claim = new ClaimBuilder().On(Date).Line("11045").Line("0054T").Build();

        var edits = Scrub(claim);

        Assert.Equal([("L1", Severity.HardStop), ("L2", Severity.Warning)], edits.Select(e => (e.LineId, e.Severity)));
    }

    [Fact]
    public void TypeTwo_WithAnotherServiceThatDayWithoutAPackSet_NoEdit()
    {
        Assert.Empty(Scrub(new ClaimBuilder().On(Date).Line("20610").Line("0054T").Build()));
        Assert.Empty(Scrub(new ClaimBuilder().For("CLM-2").On(Date).Line("0054T").Build(), [Sent("CLM-1", "20610", Date)]));
    }

    [Fact]
    public void TypeTwo_PackSet_DecidesThePrimary()
    {
        var pack = PackWith(new() { ["0054T"] = "em" });

        Assert.Empty(Scrub(new ClaimBuilder().On(Date).Line("99213").Line("0054T").Build(), pack: pack));
        var edit = Assert.Single(Scrub(new ClaimBuilder().On(Date).Line("20610").Line("0054T").Build(), pack: pack));
        Assert.Equal((Severity.HardStop, RecommendedAction.AddPrimary), (edit.Severity, edit.Action));
    }

    [Fact]
    public void PrimaryDeniedByAnUnbypassablePtpEdit_TakesTheAddOnDownNamingThePrimary()
    {
        var ncci = Ptp(PtpFiles.Row("11043", "11042", "20200101", "*", "0"));
        var claim = new ClaimBuilder().On(Date).Line("11043").Line("11042").Line("11045").Build();

        var edit = Assert.Single(Scrub(claim, ncci: ncci));

        Assert.Equal((Severity.HardStop, RecommendedAction.RemoveLine), (edit.Severity, edit.Action));
        Assert.Equal(("L3", "L2"), (edit.LineId, edit.RelatedLineId));
        Assert.Contains("its primary 11042 (line L2) is denied by an NCCI PTP edit (11043/11042)", edit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PrimaryDeniedByAnIndicatorOneEdit_IsForReviewAndABypassModifierLiftsIt()
    {
        var ncci = Ptp(PtpFiles.Row("11043", "11042", "20200101", "*", "1"));

        var edit = Assert.Single(Scrub(new ClaimBuilder().On(Date).Line("11043").Line("11042").Line("11045").Build(), ncci: ncci));
        Assert.Equal((Severity.HardStop, RecommendedAction.Review, "L2"), (edit.Severity, edit.Action, edit.RelatedLineId));

        Assert.Empty(Scrub(new ClaimBuilder().On(Date).Line("11043").Line("11042", "XS").Line("11045").Build(), ncci: ncci));
    }

    [Fact]
    public void PrimaryDeniedButAnotherPayablePrimaryThatDay_NoEdit()
    {
        var ncci = Ptp(PtpFiles.Row("11043", "11042", "20200101", "*", "0"));
        var claim = new ClaimBuilder().For("CLM-2").On(Date).Line("11043").Line("11042").Line("11045").Build();

        Assert.Empty(Scrub(claim, [Sent("CLM-1", "11042", Date)], ncci: ncci));
    }

    [Fact]
    public void TypeOne_EveryListedPrimaryDeletedOnTheDate_RemoveTheLine()
    {
        var path = AddOnCodeFiles.Write(_temp.File("AOC_V2026Q1-MCR.txt"),
            AddOnCodeFiles.Row(1, "11045", "11042", "2013-04-01", primaryDeleted: "2025-12-31"));
        var table = AddOnCodeLoader.Load("k", [path]);

        var edit = Assert.Single(Scrub(new ClaimBuilder().On("2026-01-15").Line("11042").Line("11045").Build(), table: table));

        Assert.Equal((Severity.HardStop, RecommendedAction.RemoveLine), (edit.Severity, edit.Action));
        Assert.Contains("no primary can make it payable", edit.Message, StringComparison.Ordinal);
        Assert.Empty(Scrub(new ClaimBuilder().On("2025-12-31").Line("11042").Line("11045").Build(), table: table));
    }

    [Fact]
    public void AddOnBeforeItsEditTakesEffect_NoEdit()
    {
        var path = AddOnCodeFiles.Write(_temp.File("AOC_V2026Q1-MCR.txt"), AddOnCodeFiles.Row(1, "11045", "11042", "2026-02-01"));
        var table = AddOnCodeLoader.Load("k", [path]);

        Assert.Empty(Scrub(new ClaimBuilder().On("2026-01-31").Line("11045").Build(), table: table));
        Assert.Single(Scrub(new ClaimBuilder().On("2026-02-01").Line("11045").Build(), table: table));
    }

    [Fact]
    public void TwoAddOnLinesWithoutPrimary_EachIsFlagged()
    {
        var claim = new ClaimBuilder().On(Date).Line("64480").Line("64484").Build();

        Assert.Equal(["L1", "L2"], Scrub(claim).Select(e => e.LineId));
    }

    private static PriorLine Sent(string claimId, string code, string date) =>
        new(claimId, ClaimBuilder.BillingNpi,
            new ClaimLine("1", HcpcsCode.Parse(code), [], DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), string.Empty, 100m, 1, []));

    /// <summary>The real PTP phase (on <paramref name="ncci"/>, the sample tables by default), then the add-on edits;
    /// returns the add-on edits alone.</summary>
    private static List<Edit> Scrub(Claim claim, IReadOnlyList<PriorLine>? history = null, CompiledPack? pack = null, NcciSnapshot? ncci = null,
        AddOnCodeTableSet? table = null, ProviderScope scope = ProviderScope.RenderingNpi)
    {
        var options = new ScrubOptions { ProviderScope = scope };
        var edits = new ClaimScrubber(options).Scrub(claim, ncci ?? SampleTables.Snapshot, pack, history).Edits.ToList();
        var before = edits.Count;
        var context = new PairContext(claim.Setting, scope, ScrubPolicy.FromOptions(options));
        AddOnEdits.Scrub(claim, history ?? [], table ?? Sample.Value, pack, context, edits);
        Assert.All(edits.Take(before), e => Assert.NotEqual(EditTypes.AddOnWithoutPrimary, e.EditType));
        return edits.Skip(before).ToList();
    }

    private NcciSnapshot Ptp(params string[] rows)
    {
        var path = PtpFiles.Write(_temp.File("ccipra-v322r0-f1.TXT"), rows);
        return SampleTables.With(NcciLoader.Load(NcciTableKind.Practitioner, "Ncci:Practitioner", [path], new RecordingLoadReport()));
    }

    private CompiledPack PackWith(Dictionary<string, string> addOnPrimaries)
    {
        var folder = PackFiles.CopySample("acme-commercial", _temp.Path);
        PackFiles.Edit(folder, pack => pack["addOnPrimaries"] = new System.Text.Json.Nodes.JsonObject(
            addOnPrimaries.Select(p => KeyValuePair.Create(p.Key, (System.Text.Json.Nodes.JsonNode?)p.Value))));
        var result = PackLoader.Load(folder);
        Assert.Empty(result.Errors);
        return result.Pack!;
    }
}
