using System.Collections.Frozen;
using System.Collections.Immutable;
using Scrubber.Core.Claims;

namespace Scrubber.Core.Packs;

/// <summary>The codes a rule runs on: exact codes and inclusive ranges; empty means every code.</summary>
internal sealed class CodeFilter
{
    private CodeFilter(FrozenSet<HcpcsCode> exact, ImmutableArray<(HcpcsCode Low, HcpcsCode High)> ranges)
    {
        Exact = exact;
        Ranges = ranges;
    }

    public FrozenSet<HcpcsCode> Exact { get; }

    public ImmutableArray<(HcpcsCode Low, HcpcsCode High)> Ranges { get; }

    public bool MatchesEverything => Exact.Count == 0 && Ranges.IsEmpty;

    public bool Matches(HcpcsCode code)
    {
        if (MatchesEverything || Exact.Contains(code))
        {
            return true;
        }

        foreach (var (low, high) in Ranges)
        {
            if (code.IsInRange(low, high))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether any code the filter lists, or any range it spans, holds a code of <paramref name="set"/>.</summary>
    public bool Overlaps(CodeSets.CodeSet set)
    {
        foreach (var code in Exact)
        {
            if (set.Contains(code))
            {
                return true;
            }
        }

        foreach (var (low, high) in Ranges)
        {
            foreach (var range in set.Ranges)
            {
                if (low.Value <= range.High.Value && range.Low.Value <= high.Value)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Parses "93000" and "99202-99215" entries; returns null and says why for a bad one.</summary>
    public static CodeFilter? TryParse(IReadOnlyList<string> entries, string field, List<string> problems)
    {
        var exact = new HashSet<HcpcsCode>();
        var ranges = ImmutableArray.CreateBuilder<(HcpcsCode, HcpcsCode)>();
        foreach (var entry in entries)
        {
            var dash = entry.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0 && HcpcsCode.TryParse(entry, out var code))
            {
                exact.Add(code);
            }
            else if (dash > 0 && HcpcsCode.TryParse(entry.AsSpan(0, dash), out var low) &&
                     HcpcsCode.TryParse(entry.AsSpan(dash + 1), out var high) && low.Value <= high.Value)
            {
                ranges.Add((low, high));
            }
            else
            {
                problems.Add($"{field}: '{entry}' is neither a 5-character code nor a range such as 99202-99215 (low first)");
                return null;
            }
        }

        return new CodeFilter(exact.ToFrozenSet(), ranges.ToImmutable());
    }
}
