namespace Scrubber.Core.Scrubbing;

/// <summary>The scrub stopped because its call was cancelled or its deadline passed; nobody would read the answer.</summary>
public sealed class ScrubCancelledException : OperationCanceledException
{
    public ScrubCancelledException()
    {
        Phase = string.Empty;
    }

    public ScrubCancelledException(string message)
        : base(message)
    {
        Phase = string.Empty;
    }

    public ScrubCancelledException(string message, Exception innerException)
        : base(message, innerException)
    {
        Phase = string.Empty;
    }

    /// <summary>Creates the exception for a scrub stopped before <paramref name="phase"/>.</summary>
    public ScrubCancelledException(string phase, CancellationToken token)
        : base($"The scrub stopped before its {phase} phase: the call was cancelled or its deadline passed.", token)
    {
        Phase = phase;
    }

    /// <summary>The phase the scrub stopped before: one of <see cref="ScrubPhases"/>.</summary>
    public string Phase { get; }

    /// <summary>Throws when <paramref name="token"/> is cancelled, naming the phase that would have run next.</summary>
    public static void ThrowIfCancelled(string phase, CancellationToken token)
    {
        if (token.IsCancellationRequested)
        {
            throw new ScrubCancelledException(phase, token);
        }
    }
}
