using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Scrubber.Core.Packs;

/// <summary>Bounds how many claims of one costly pack have their rules evaluated at once. The per-claim budget bounds
/// how long one evaluation runs; without this, enough claims of one expensive pack in flight would still hold every CPU
/// and delay other payers' claims. A claim of a pack whose computed cost is above <see cref="CostlyPackCost"/> waits for
/// one of its pack's <see cref="MaxConcurrent"/> places; a claim of a cheap pack never waits.</summary>
/// <remarks>Places are per pack id, not per version, so a pack swapped in while claims of the old version run shares
/// their places instead of doubling them.</remarks>
public sealed class PackEvaluationGate
{
    private readonly ConcurrentDictionary<string, Places> _places = new(StringComparer.Ordinal);

    /// <param name="costlyPackCost">The cost above which a pack is costly (setting <c>Packs:CostlyPackCost</c>).</param>
    /// <param name="maxConcurrent">Claims of one costly pack evaluated at once (setting <c>Packs:MaxConcurrentCostlyEvaluations</c>).</param>
    public PackEvaluationGate(long costlyPackCost, int maxConcurrent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(costlyPackCost);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrent, 1);
        (CostlyPackCost, MaxConcurrent) = (costlyPackCost, maxConcurrent);
    }

    /// <summary>A gate no pack goes through: for in-process scrubs (examples, explain) that compete with nothing.</summary>
    public static PackEvaluationGate None { get; } = new(long.MaxValue, 1);

    public long CostlyPackCost { get; }

    public int MaxConcurrent { get; }

    /// <summary>Whether claims of <paramref name="pack"/> go through the gate.</summary>
    public bool IsCostly(CompiledPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return pack.EvaluationCost > CostlyPackCost;
    }

    /// <summary>Waits for a place to evaluate a claim of <paramref name="pack"/>, at once for a cheap pack; the returned
    /// place is given back when disposed.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting.</exception>
    public async ValueTask<Place> EnterAsync(CompiledPack pack, CancellationToken cancellationToken)
    {
        if (!IsCostly(pack))
        {
            return Place.None;
        }

        var places = _places.GetOrAdd(pack.Id, _ => new Places(MaxConcurrent));
        Interlocked.Increment(ref places.Waiting);
        try
        {
            await places.Free.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref places.Waiting);
        }

        return new Place(places);
    }

    /// <summary>How many claims of pack <paramref name="packId"/> are being evaluated through the gate now, and how
    /// many wait for a place; both 0 for a pack that was never costly.</summary>
    public (int InProgress, int Waiting) Load(string packId) =>
        _places.TryGetValue(packId, out var places) ? (MaxConcurrent - places.Free.CurrentCount, Volatile.Read(ref places.Waiting)) : (0, 0);

    /// <summary>A place in a pack's gate, or none for a cheap pack; disposing it lets the next claim in.</summary>
    public sealed class Place : IDisposable
    {
        private Places? _places;

        internal Place(Places? places) => _places = places;

        /// <summary>No place: what a cheap pack's claim gets, at once.</summary>
        internal static Place None { get; } = new(null);

        public void Dispose() => Interlocked.Exchange(ref _places, null)?.Free.Release();
    }

    /// <summary>One pack's places. The semaphore lives as long as the service: one per pack id ever costly.</summary>
    [SuppressMessage("Design", "CA1001", Justification = "A SemaphoreSlim holds an operating-system handle only once its AvailableWaitHandle is read, which this never does.")]
    internal sealed class Places(int count)
    {
        public readonly SemaphoreSlim Free = new(count, count);

        public int Waiting;
    }
}
