using System.Collections.Immutable;

namespace Scrubber.Audit.Outcomes;

/// <summary>Ties an 835 service line to a sent line: REF*6R first; when the payer dropped it, the procedure code (SVC06
/// when the payer changed it), modifiers, date and charge; then code, date and charge alone (domain.md §6.4).</summary>
internal sealed class LineMatcher(ImmutableArray<SentLine> sent)
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public (string LineId, string Method)? Match(RemittanceLine line)
    {
        if (line.LineControlNumber.Length > 0 && sent.FirstOrDefault(s => s.LineId == line.LineControlNumber) is { } byId)
        {
            return Take(byId, "line_control_number");
        }

        var code = line.OriginalProcedureCode.Length > 0 ? line.OriginalProcedureCode : line.ProcedureCode;
        var date = line.ServiceDate is { } day ? Dates.Text(day) : null;
        var charge = Money.ToCents(line.Charge, "SVC02");
        var modifiers = line.Modifiers.Order(StringComparer.Ordinal).ToArray();
        var candidates = sent.Where(s => !_taken.Contains(s.LineId) && s.Code == code && s.ChargeCents == charge && (date is null || s.ServiceDate == date)).ToList();
        var exact = candidates.FirstOrDefault(s => s.Modifiers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).SequenceEqual(modifiers));
        if (exact is not null)
        {
            return Take(exact, "code_modifiers_date_charge");
        }

        return candidates.Count > 0 ? Take(candidates[0], "code_date_charge") : null;
    }

    private (string, string) Take(SentLine line, string method)
    {
        _taken.Add(line.LineId);
        return (line.LineId, method);
    }
}
