namespace Scrubber.Server.Security;

/// <summary>What a reload of the security settings did: the callers now in force, what changed, and why the settings
/// were refused when they were.</summary>
/// <param name="Callers">The callers in force after the reload.</param>
/// <param name="Changes">One line per caller added, removed or changed, by name.</param>
/// <param name="Failures">Why the settings were refused, one line per problem naming the setting; empty when they were applied.</param>
/// <param name="At">When the reload happened.</param>
internal sealed record SecurityReload(CallerSet Callers, IReadOnlyList<string> Changes, IReadOnlyList<string> Failures, DateTimeOffset At)
{
    public bool Refused => Failures.Count > 0;
}
