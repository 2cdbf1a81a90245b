using System.Collections.Immutable;
using Scrubber.Core.Claims;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Core.Packs.Vocabulary;

/// <summary>What a rule expression sees of the whole claim, as <c>claim</c>.</summary>
public sealed class ClaimFacts
{
    private readonly Claim _claim;

    private ClaimFacts(Claim claim, ProviderScope scope)
    {
        _claim = claim;
        Lines = [.. claim.Lines.Select(l => new LineFacts(l, LinePairing.ProviderOf(claim, l, scope)))];
        foreach (var line in Lines)
        {
            line.SameDayLines = [.. Lines.Where(o => !ReferenceEquals(o, line) && IsSameDay(line, o))];
        }
    }

    /// <summary>CLM01.</summary>
    public string ClaimId => _claim.ClaimId;

    /// <summary>The payer id the claim goes to.</summary>
    public string PayerId => _claim.PayerId;

    /// <summary>"professional", "outpatient_hospital" or "dme".</summary>
    public string Setting => _claim.Setting switch { CareSetting.OutpatientHospital => "outpatient_hospital", CareSetting.Dme => "dme", _ => "professional" };

    /// <summary>The number of lines.</summary>
    public int LineCount => _claim.Lines.Length;

    /// <summary>The sum of the line charges.</summary>
    public decimal TotalCharge => _claim.Lines.Sum(l => l.Charge);

    /// <summary>Whether any line is an E/M service.</summary>
    public bool HasEm => Lines.Any(l => l.IsEm);

    /// <summary>Whether any line has one of the codes listed: <c>claim.HasCode("99050 99051")</c>.</summary>
    public bool HasCode(string codes) => Lines.Any(l => l.CodeIn(codes));

    internal ImmutableArray<LineFacts> Lines { get; }

    /// <summary>Builds the facts of every line of a claim at once, so each line can see its same-day neighbours.</summary>
    internal static ClaimFacts Of(Claim claim, ProviderScope scope) => new(claim, scope);

    /// <summary>Whether two lines share the date of service and the provider, which is what pairs them.</summary>
    internal static bool IsSameDay(LineFacts a, LineFacts b) =>
        a.Line.ServiceDate == b.Line.ServiceDate && string.Equals(a.Provider, b.Provider, StringComparison.Ordinal);
}
