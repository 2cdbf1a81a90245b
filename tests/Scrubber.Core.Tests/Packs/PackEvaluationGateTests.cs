using Scrubber.Core.Packs;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Packs;

/// <summary>The gate a costly pack's claims take turns at: places per pack, cheap packs never wait, and a wait ends
/// with its caller's cancellation. Packs are loaded from files, as the service loads them.</summary>
public sealed class PackEvaluationGateTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly CompiledPack _costly;
    private readonly CompiledPack _cheap;
    private readonly PackEvaluationGate _gate;

    public PackEvaluationGateTests()
    {
        _costly = Load(SyntheticPacks.WriteLineRules(_temp.Path, "expensive", "EXP01", 120, "99213", "!line.HasAnyModifier(\"XE XS XP XU 59 25\")"));
        _cheap = Load(PackFiles.CopySample("acme-commercial", _temp.Path));

        // Between the two packs' computed costs, as a tenth of the default Packs:MaxEvaluationCost is.
        _gate = new PackEvaluationGate(100_000, maxConcurrent: 2);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void IsCostly_ComparesTheComputedCostWithTheThreshold()
    {
        Assert.True(_gate.IsCostly(_costly), $"cost {_costly.EvaluationCost}");
        Assert.False(_gate.IsCostly(_cheap), $"cost {_cheap.EvaluationCost}");
        Assert.False(new PackEvaluationGate(_costly.EvaluationCost, 1).IsCostly(_costly));
    }

    [Fact]
    public async Task EnterAsync_MoreClaimsThanPlaces_LetsInAsManyAsThereArePlacesAndTheNextWhenOneLeaves()
    {
        using var first = await _gate.EnterAsync(_costly, CancellationToken.None);
        var second = await _gate.EnterAsync(_costly, CancellationToken.None);
        var third = _gate.EnterAsync(_costly, CancellationToken.None).AsTask();

        Assert.False(third.IsCompleted);
        Assert.Equal((2, 1), _gate.Load("expensive"));
        second.Dispose();
        second.Dispose();
        using var entered = await third.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(third.IsCompletedSuccessfully);
        Assert.Equal((2, 0), _gate.Load("expensive"));
    }

    [Fact]
    public async Task EnterAsync_CheapPackWhileTheCostlyOnesPlacesAreTaken_EntersAtOnceAndIsNotCounted()
    {
        using var first = await _gate.EnterAsync(_costly, CancellationToken.None);
        using var second = await _gate.EnterAsync(_costly, CancellationToken.None);

        var cheap = _gate.EnterAsync(_cheap, CancellationToken.None);

        Assert.True(cheap.IsCompletedSuccessfully);
        (await cheap).Dispose();
        Assert.Equal((0, 0), _gate.Load("acme-commercial"));
        Assert.Equal((2, 0), _gate.Load("expensive"));
    }

    [Fact]
    public async Task EnterAsync_CancelledWhileWaiting_ThrowsAndNoLongerWaits()
    {
        using var first = await _gate.EnterAsync(_costly, CancellationToken.None);
        using var second = await _gate.EnterAsync(_costly, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = _gate.EnterAsync(_costly, cancel.Token).AsTask();
        Assert.Equal((2, 1), _gate.Load("expensive"));

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal((2, 0), _gate.Load("expensive"));
    }

    private static CompiledPack Load(string folder) =>
        PackLoader.Load(folder).Pack ?? throw new InvalidOperationException($"{folder} did not load");
}
