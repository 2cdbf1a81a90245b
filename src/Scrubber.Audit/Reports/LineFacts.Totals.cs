using System.Data.Common;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Reports;

/// <summary>Totals kept beside the facts for the reports that count every line, paid or not, when they keep to no days:
/// the KPIs' months and the patterns. A store's whole history is then a few thousand rows, not millions of lines.</summary>
/// <remarks>Each rebuild adds what it wrote and takes off what it removed, by the same keys the reports count lines by
/// (<see cref="Kpis.MonthOf"/>, <see cref="Patterns.SeenOf"/>), per payer and provider so those filters read them too.
/// A key's NULL (not denied, no edit) is kept as '' or -1: a unique key never matches NULL.</remarks>
internal static partial class LineFacts
{
    private const string AddMonth = """
        INSERT INTO month_totals (payer_id, provider, month, family, paid, lines, denied_cents, charge_cents)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)
        ON CONFLICT (payer_id, provider, month, family, paid) DO UPDATE SET lines = month_totals.lines + excluded.lines,
            denied_cents = month_totals.denied_cents + excluded.denied_cents, charge_cents = month_totals.charge_cents + excluded.charge_cents
        """;

    private const string AddPattern = """
        INSERT INTO pattern_totals (payer_id, provider, pair_column1, pair_column2, code, family, group_code, paid, fate, modifier_indicator, lines)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)
        ON CONFLICT (payer_id, provider, pair_column1, pair_column2, code, family, group_code, paid, fate, modifier_indicator)
        DO UPDATE SET lines = pattern_totals.lines + excluded.lines
        """;

    /// <summary>Moves the totals from the <paramref name="removed"/> rows to the <paramref name="added"/> ones; a key
    /// whose counts do not change is not written.</summary>
    private static void CountTotals(DbConnection connection, DbTransaction transaction, PreparedStatements statements,
        IReadOnlyList<DeniedLine> removed, IReadOnlyList<DeniedLine> added)
    {
        var months = new Dictionary<(string, string, Kpis.MonthCell), (long Lines, long Denied, long Charge)>();
        var patterns = new Dictionary<(string, Patterns.Seen), long>();
        foreach (var (lines, sign) in (ReadOnlySpan<(IReadOnlyList<DeniedLine>, int)>)[(removed, -1), (added, 1)])
        {
            foreach (var line in lines)
            {
                var month = (line.PayerId, line.Provider, Kpis.MonthOf(line));
                var (count, denied, charge) = months.GetValueOrDefault(month);
                months[month] = (count + sign, denied + (sign * line.DeniedCents), charge + (sign * line.ChargeCents));
                if (Patterns.Counts(line))
                {
                    var seen = (line.Provider, Patterns.SeenOf(line));
                    patterns[seen] = patterns.GetValueOrDefault(seen) + sign;
                }
            }
        }

        var addMonth = statements.For(connection, transaction, AddMonth, 8);
        foreach (var ((payer, provider, cell), (count, denied, charge)) in months.Where(m => m.Value != default))
        {
            PreparedStatements.Run(addMonth, payer, provider, cell.Month, cell.Family ?? string.Empty, cell.Paid, count, denied, charge);
        }

        var addPattern = statements.For(connection, transaction, AddPattern, 11);
        foreach (var ((provider, seen), count) in patterns.Where(p => p.Value != 0))
        {
            PreparedStatements.Run(addPattern, seen.PayerId, provider, seen.Column1, seen.Column2, seen.Code, seen.Family ?? string.Empty, seen.Group, seen.Paid,
                seen.Fate ?? string.Empty, (long?)seen.ModifierIndicator ?? -1L, count);
        }
    }
}
