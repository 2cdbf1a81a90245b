namespace Scrubber.Core.Packs;

/// <summary>A payer rule that threw while running on a claim: logged and counted by the host, never turned into an edit.</summary>
public sealed record RuleFault(string Source, string Message);
