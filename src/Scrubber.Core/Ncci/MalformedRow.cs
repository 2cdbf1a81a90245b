namespace Scrubber.Core.Ncci;

/// <summary>A row of a PTP file that could not be read, and why.</summary>
/// <param name="File">The file (or zip entry) name.</param>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Reason">What is wrong, naming the field.</param>
public sealed record MalformedRow(string File, long Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}
