using Scrubber.Core.Claims;

namespace Scrubber.Core.Scrubbing;

/// <summary>What a pair's evaluation needs to know about the claim and the settings in force.</summary>
/// <param name="Setting">Professional or outpatient hospital (27 is an outpatient hospital modifier).</param>
/// <param name="Scope">The provider scope the pair formed under.</param>
/// <param name="IndicatorOneSeverity">Severity of an indicator-1 edit with no qualifying modifier.</param>
/// <param name="Policy">The payer's modifier policy.</param>
internal readonly record struct PairContext(CareSetting Setting, ProviderScope Scope, Severity IndicatorOneSeverity, ModifierPolicy Policy);
