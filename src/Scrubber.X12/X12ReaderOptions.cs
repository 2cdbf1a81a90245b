namespace Scrubber.X12;

/// <summary>How strictly <see cref="X12Reader"/> reads.</summary>
public sealed record X12ReaderOptions
{
    /// <summary>Lenient: defects that leave the content unambiguous are accepted and reported as warnings.</summary>
    public static X12ReaderOptions Default { get; } = new();

    /// <summary>
    /// Whether every warning is an error instead. Default false: payers and clearinghouses send files with stale
    /// segment counts, no envelope, another component separator or stray blank lines, and a billing office cannot fix
    /// them; refusing them would lose every denial they hold. Strict reading is for checking a file one writes oneself.
    /// </summary>
    public bool Strict { get; init; }
}
