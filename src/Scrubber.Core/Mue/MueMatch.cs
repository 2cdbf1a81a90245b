using Scrubber.Core.Claims;

namespace Scrubber.Core.Mue;

/// <summary>The MUE row an edit came from.</summary>
/// <param name="Code">The code edited.</param>
/// <param name="Entry">Its value, adjudication indicator and rationale.</param>
/// <param name="TableVersion">The release, e.g. <c>mue-practitioner-2026-07-01</c>.</param>
/// <param name="Units">The units counted against the value: the line's per day (MAI 1), or the day's total (MAI 2, 3).</param>
public readonly record struct MueMatch(HcpcsCode Code, MueEntry Entry, string TableVersion, double Units);
