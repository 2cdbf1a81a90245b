using System.Collections.Immutable;
using Scrubber.Audit.Outcomes;
using Scrubber.Testing;

namespace Scrubber.Audit.Tests;

/// <summary>Ingesting remittances: matching claims and lines back, reversals, duplicates, unmatched items, resolutions.</summary>
public abstract class RemittanceTests(StoreProvider provider) : IAsyncLifetime
{
    private readonly StoreFixture _store = new(provider);
    private string _sentScrub = string.Empty;

    public async Task InitializeAsync()
    {
        var claim = new ClaimBuilder().For("CLM-1001").On("2026-07-20")
            .LineWith("L1", "99213", 120m).LineWith("L2", "93000", 45m).LineWith("L3", "0030U", 150m, "59").Build();
        _sentScrub = (await _store.RecordAsync(claim)).ScrubId;
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [SkippableFact]
    public async Task Ingest_LinesByRef6RAndByCodeWhenDropped_AreTiedToTheSentLines()
    {
        var file = File("a", Claim("CLM-1001", "1", 315m, 270m,
            Line("L1", "99213", 120m, 120m),
            Line("", "93000", 45m, 0m, Adjustment("CO", "97", 45m)),
            Line("", "0030U", 150m, 150m, modifiers: ["59"])));

        var result = await _store.Store.IngestRemittanceAsync(file, StoreFixture.T0);

        Assert.Equal((false, 1, 3, 1, 3, 1), (result.Duplicate, result.Claims, result.Lines, result.MatchedClaims, result.MatchedLines, result.DeniedLines));
        Assert.Empty(result.UnmatchedClaims);
        Assert.Equal(
        [
            ("L1", "line_control_number", "paid"),
            ("L2", "code_modifiers_date_charge", "denied"),
            ("L3", "code_modifiers_date_charge", "paid"),
        ], Outcomes());
    }

    [SkippableFact]
    public async Task Ingest_PayerChangedTheCode_MatchesOnTheOriginalCodeFromSvc06()
    {
        var changed = Line("", "99212", 120m, 80m) with { OriginalProcedureCode = "99213" };

        await _store.Store.IngestRemittanceAsync(File("b", Claim("CLM-1001", "1", 120m, 80m, changed)), StoreFixture.T0);

        Assert.Equal(("L1", "code_modifiers_date_charge", "paid"), Outcomes().Single());
    }

    [SkippableFact]
    public async Task Ingest_PayerChangedTheModifiers_StillMatchesOnCodeDateAndCharge()
    {
        await _store.Store.IngestRemittanceAsync(File("b2", Claim("CLM-1001", "1", 150m, 0m, Line("", "0030U", 150m, 0m, modifiers: ["XU"]))), StoreFixture.T0);

        Assert.Equal(("L3", "code_date_charge", "denied"), Outcomes().Single());
    }

    [SkippableFact]
    public async Task Ingest_UnknownClaimAndLine_AreListedAndStoredNotDropped()
    {
        var file = File("c",
            Claim("CLM-9999", "4", 10m, 0m, Line("X1", "99213", 10m, 0m)),
            Claim("CLM-1001", "1", 500m, 0m, Line("L9", "11042", 500m, 0m)));

        var result = await _store.Store.IngestRemittanceAsync(file, StoreFixture.T0);

        Assert.Equal("CLM-9999", Assert.Single(result.UnmatchedClaims).ClaimId);
        Assert.Equal(["X1", "L9"], result.UnmatchedLines.Select(l => l.LineControlNumber));
        Assert.Equal(2L, _store.Query("SELECT COUNT(*) FROM remit_lines WHERE match_method = 'unmatched'", r => r.GetInt64(0)).Single());
    }

    [SkippableFact]
    public async Task Ingest_SameFileTwice_CountsOnce()
    {
        var file = File("d", Claim("CLM-1001", "1", 120m, 120m, Line("L1", "99213", 120m, 120m)));

        await _store.Store.IngestRemittanceAsync(file, StoreFixture.T0);
        var again = await _store.Store.IngestRemittanceAsync(file, StoreFixture.T0.AddHours(1));

        Assert.True(again.Duplicate);
        Assert.Equal(1L, _store.Query("SELECT COUNT(*) FROM remit_lines", r => r.GetInt64(0)).Single());
    }

    [SkippableFact]
    public async Task Ingest_ReversalThenCorrection_LeavesTheCorrectionAsTheOutcome()
    {
        await _store.Store.IngestRemittanceAsync(File("e1", Claim("CLM-1001", "1", 45m, 45m, Line("L2", "93000", 45m, 45m)) with { PayerClaimNumber = "ICN-1" }), StoreFixture.T0);

        var result = await _store.Store.IngestRemittanceAsync(File("e2",
            Claim("CLM-1001", "22", -45m, -45m, Line("L2", "93000", -45m, -45m)) with { PayerClaimNumber = "ICN-1" },
            Claim("CLM-1001", "1", 45m, 0m, Line("L2", "93000", 45m, 0m, Adjustment("CO", "97", 45m))) with { PayerClaimNumber = "ICN-2" }), StoreFixture.T0);

        Assert.Equal(1, result.Reversals);
        Assert.Equal(("L2", "line_control_number", "denied"), Outcomes().Single());
        Assert.Equal("ICN-2", _store.Query("SELECT payer_claim_number FROM line_outcomes", r => r.GetString(0)).Single());
    }

    [SkippableFact]
    public async Task Ingest_TruncatedClaimId_MatchesTheOneClaimItStarts()
    {
        await _store.RecordAsync(new ClaimBuilder().For("PATIENTACCT-0000123456").Line("99213").Build());

        var result = await _store.Store.IngestRemittanceAsync(File("f", Claim("PATIENTACCT-00001", "1", 100m, 100m)), StoreFixture.T0);

        Assert.Equal(1, result.MatchedClaims);
    }

    [SkippableFact]
    public async Task UpdateResolution_OnASentLine_IsRecorded_AndUnknownLinesAreRefused()
    {
        var scrubId = await _store.Store.UpdateResolutionAsync(new Resolution("CLM-1001", "L2", ResolutionStatus.Recovered, 45m, new DateOnly(2026, 8, 30), "appeal won"), StoreFixture.T0);

        Assert.Equal(_sentScrub, scrubId);
        Assert.Equal(("recovered", 4500L, "2026-08-30"), _store.Query("SELECT status, amount_cents, happened_on FROM resolutions", r => (r.GetString(0), r.GetInt64(1), r.GetString(2))).Single());
        var noLine = await Assert.ThrowsAsync<RecordNotFoundException>(() =>
            _store.Store.UpdateResolutionAsync(new Resolution("CLM-1001", "L7", ResolutionStatus.Appealed, null, new DateOnly(2026, 8, 1), ""), StoreFixture.T0));
        Assert.Equal("Claim 'CLM-1001' was sent without a line 'L7'.", noLine.Message);
        await Assert.ThrowsAsync<RecordNotFoundException>(() =>
            _store.Store.UpdateResolutionAsync(new Resolution("CLM-404", "L1", ResolutionStatus.Appealed, null, new DateOnly(2026, 8, 1), ""), StoreFixture.T0));
    }

    private List<(string, string, string)> Outcomes() =>
        _store.Query("SELECT line_id, match_method, outcome FROM line_outcomes ORDER BY line_id", r => (r.GetString(0), r.GetString(1), r.GetString(2)));

    private static Remittance File(string hash, params RemittanceClaim[] claims) => new(hash, hash + ".835", [.. claims]);

    private static RemittanceClaim Claim(string id, string status, decimal charge, decimal paid, params RemittanceLine[] lines) =>
        new(id, status, charge, paid, string.Empty, new DateOnly(2026, 8, 15), [], [.. lines]);

    private static RemittanceLine Line(string lineId, string code, decimal charge, decimal paid, RemittanceAdjustment? adjustment = null, string[]? modifiers = null) =>
        new(lineId, code, [.. modifiers ?? []], string.Empty, new DateOnly(2026, 7, 20), charge, paid, adjustment is null ? [] : [adjustment], ImmutableArray<string>.Empty);

    private static RemittanceAdjustment Adjustment(string group, string reason, decimal amount) => new(group, reason, amount, null);
}

public sealed class RemittanceTestsOnSqlite() : RemittanceTests(StoreProvider.Sqlite);

public sealed class RemittanceTestsOnPostgres() : RemittanceTests(StoreProvider.Postgres);
