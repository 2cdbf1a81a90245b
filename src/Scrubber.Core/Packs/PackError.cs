namespace Scrubber.Core.Packs;

/// <summary>Why a pack cannot go live: the file, the rule when there is one, and what is wrong.</summary>
public sealed record PackError(string File, string? Rule, string Message)
{
    public override string ToString() => Rule is null ? $"{File}: {Message}" : $"{File}: rule '{Rule}': {Message}";
}
