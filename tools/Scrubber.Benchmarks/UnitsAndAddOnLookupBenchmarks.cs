using BenchmarkDotNet.Attributes;
using Scrubber.Core.AddOnCodes;
using Scrubber.Core.Claims;
using Scrubber.Core.Mue;

namespace Scrubber.Benchmarks;

/// <summary>One MUE lookup and one add-on code lookup in the full generated tables; half the codes are listed, half
/// not. Both must allocate nothing.</summary>
[MemoryDiagnoser]
public class UnitsAndAddOnLookupBenchmarks
{
    private const int Lookups = 1024;
    private readonly DateOnly _date = BenchmarkData.ServiceDate;
    private MueTable _mue = null!;
    private AddOnCodeTable _addOns = null!;
    private HcpcsCode[] _mueCodes = [];
    private HcpcsCode[] _addOnCodes = [];

    [GlobalSetup]
    public void Setup()
    {
        BenchmarkData.Ensure();
        _mue = BenchmarkData.LoadMue().For(_date);
        _addOns = BenchmarkData.LoadAddOns().For(_date);
        var listedAddOns = BenchmarkData.AddOnPairs().Select(p => HcpcsCode.Parse(p.AddOn)).Distinct().ToArray();
        var others = BenchmarkData.DistinctPairs().Select(p => HcpcsCode.Parse(p.Item1)).ToArray();
        _mueCodes = [.. Enumerable.Range(0, Lookups).Select(i => others[i % others.Length])];
        _addOnCodes = [.. Enumerable.Range(0, Lookups).Select(i => i % 2 == 0 ? listedAddOns[i / 2 % listedAddOns.Length] : others[i % others.Length])];
        if (_addOnCodes.Count(c => _addOns.TryGet(c, _date, out _)) < Lookups / 2 || !_mueCodes.Any(c => _mue.TryGet(c, out _)))
        {
            throw new InvalidOperationException("The lookups do not hit the generated tables.");
        }
    }

    [Benchmark(OperationsPerInvoke = Lookups, Description = "MUE lookup (MueTable.TryGet)")]
    public int Mue()
    {
        var found = 0;
        foreach (var code in _mueCodes)
        {
            found += _mue.TryGet(code, out _) ? 1 : 0;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Lookups, Description = "Add-on code lookup (AddOnCodeTable.TryGet)")]
    public int AddOn()
    {
        var found = 0;
        foreach (var code in _addOnCodes)
        {
            found += _addOns.TryGet(code, _date, out _) ? 1 : 0;
        }

        return found;
    }
}
