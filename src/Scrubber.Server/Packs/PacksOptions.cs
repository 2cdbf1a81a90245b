using System.ComponentModel.DataAnnotations;

namespace Scrubber.Server.Packs;

/// <summary>Where the payer rule packs live and how changes are picked up; the <c>Packs</c> section of the settings.</summary>
public sealed class PacksOptions
{
    public const string Section = "Packs";

    /// <summary>The folder of pack folders (each holding pack.json). Default <c>../../rules/packs</c>, relative to the content root.
    /// A missing folder means no packs: every claim gets NCCI alone.</summary>
    [Required]
    public string Root { get; set; } = "../../rules/packs";

    /// <summary>Whether to watch the folder and reload packs when files change. Default true.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How long to wait after the last change before reloading, in milliseconds, so an editor's several
    /// writes make one reload. Default 500.</summary>
    [Range(0, 60_000)]
    public int DebounceMilliseconds { get; set; } = 500;
}
