using Scrubber.Core.Claims;

namespace Scrubber.Core.Scrubbing;

/// <summary>What a pair's evaluation needs to know about the claim and the policy in force.</summary>
/// <param name="Setting">Professional or outpatient hospital (27 is an outpatient hospital modifier).</param>
/// <param name="Scope">The provider scope the pair formed under.</param>
/// <param name="Policy">The settings and the payer's pack policy.</param>
internal readonly record struct PairContext(CareSetting Setting, ProviderScope Scope, ScrubPolicy Policy);
