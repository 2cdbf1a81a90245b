using BenchmarkDotNet.Attributes;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;

namespace Scrubber.Benchmarks;

/// <summary>One pair lookup in the full practitioner table, in the in-memory index and in the SQLite baseline; half
/// the pairs have an edit in force, half do not (both orders of each active pair are looked up).</summary>
[MemoryDiagnoser]
public class PairLookupBenchmarks
{
    private const int Lookups = 1024;

    private PtpTable _table = null!;
    private SqlitePtpTable _sqlite = null!;
    private (HcpcsCode Column1, HcpcsCode Column2, string Text1, string Text2)[] _pairs = [];
    private readonly DateOnly _date = BenchmarkData.ServiceDate;

    [GlobalSetup]
    public void Setup()
    {
        BenchmarkData.Ensure();
        _table = BenchmarkData.LoadSnapshot().For(_date);
        _sqlite = new SqlitePtpTable(BenchmarkData.SqlitePath);
        var active = Generators.PtpTableGenerator.ReadActivePairs(BenchmarkData.TextFolder);
        _pairs = [.. Enumerable.Range(0, Lookups).Select(i =>
        {
            var (a, b) = active[(i / 2) % active.Count];
            return i % 2 == 0 ? (HcpcsCode.Parse(a), HcpcsCode.Parse(b), a, b) : (HcpcsCode.Parse(b), HcpcsCode.Parse(a), b, a);
        })];
        var hits = _pairs.Count(p => _table.TryFind(p.Column1, p.Column2, _date, out _));
        if (hits < Lookups / 2)
        {
            throw new InvalidOperationException($"Only {hits} of {Lookups} lookups hit; the active pairs do not match the table.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _sqlite.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Lookups, Description = "SQLite indexed table, prepared statement")]
    public int Sqlite()
    {
        var day = (_date.Year * 10_000) + (_date.Month * 100) + _date.Day;
        var found = 0;
        foreach (var pair in _pairs)
        {
            found += _sqlite.TryFind(pair.Text1, pair.Text2, day, out _) ? 1 : 0;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Lookups, Description = "In-memory index (PtpTable.TryFind)")]
    public int Index()
    {
        var found = 0;
        foreach (var pair in _pairs)
        {
            found += _table.TryFind(pair.Column1, pair.Column2, _date, out _) ? 1 : 0;
        }

        return found;
    }
}
