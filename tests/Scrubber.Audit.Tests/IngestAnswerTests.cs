using Scrubber.Audit.Outcomes;
using Scrubber.Testing;

namespace Scrubber.Audit.Tests;

/// <summary>An ingest's answer stays small whatever the file: unmatched items are counted in full, listed up to a
/// limit, and listed in full on request; the store's counts say what it holds.</summary>
public abstract class IngestAnswerTests(StoreProvider provider) : IAsyncLifetime
{
    private readonly StoreFixture _store = new(provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [SkippableFact]
    public async Task Ingest_ManyUnknownClaims_ListsUpToTheLimitAndCountsThemAll()
    {
        var file = Unknown("many", 30);

        var result = await _store.Store.IngestRemittanceAsync(file, StoreFixture.T0, maxUnmatchedListed: 5);

        Assert.Equal((30, 60, 5, 5), (result.UnmatchedClaimCount, result.UnmatchedLineCount, result.UnmatchedClaims.Length, result.UnmatchedLines.Length));
        Assert.Equal(["U-0", "U-1", "U-2", "U-3", "U-4"], result.UnmatchedClaims.Select(c => c.ClaimId));
    }

    [SkippableFact]
    public async Task ListUnmatched_AfterALimitedAnswer_ListsEveryClaimAndLineInFileOrderWithTheSameReasons()
    {
        var listed = await _store.Store.IngestRemittanceAsync(Unknown("all", 30), StoreFixture.T0, maxUnmatchedListed: 5);

        var all = _store.Store.ListUnmatched("all")!;

        Assert.Equal(30, all.Claims.Length);
        Assert.Equal(60, all.Lines.Length);
        Assert.Equal(listed.UnmatchedClaims, all.Claims.Take(5));
        Assert.Equal(listed.UnmatchedLines, all.Lines.Take(5));
        Assert.Equal(("U-29", "B"), (all.Lines[^1].ClaimId, all.Lines[^1].LineControlNumber));
    }

    [SkippableFact]
    public void ListUnmatched_UnknownFile_IsNull() => Assert.Null(_store.Store.ListUnmatched("no-such-file"));

    [SkippableFact]
    public async Task Counts_FollowWhatIsRecorded()
    {
        Assert.True(_store.Store.Counts().IsEmpty);
        await _store.RecordAsync(new ClaimBuilder().For("C-1").Line("99213").Build());
        await _store.RecordAsync(new ClaimBuilder().For("C-1").Line("99213").Build());
        await _store.Store.IngestRemittanceAsync(Unknown("counted", 2), StoreFixture.T0);

        Assert.Equal(new StoreCounts(2, 1, 0, 1, 2, 4, 0), _store.Store.Counts());
    }

    private static Remittance Unknown(string hash, int claims) => new(hash, hash + ".835",
    [
        .. Enumerable.Range(0, claims).Select(i => new RemittanceClaim($"U-{i}", "4", 20m, 0m, "", null, [],
        [
            new RemittanceLine("A", "99213", [], "", new DateOnly(2026, 7, 20), 10m, 0m, [], []),
            new RemittanceLine("B", "93000", [], "", new DateOnly(2026, 7, 20), 10m, 0m, [], []),
        ])),
    ]);
}

public sealed class IngestAnswerTestsOnSqlite() : IngestAnswerTests(StoreProvider.Sqlite);

public sealed class IngestAnswerTestsOnPostgres() : IngestAnswerTests(StoreProvider.Postgres);
