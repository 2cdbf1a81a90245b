using System.Data.Common;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Reports;

/// <summary>The report facts (<c>line_facts</c>, schema 10): one row per sent line with a remittance outcome, the line
/// as <see cref="SentLineOutcomes"/> builds it, with what the reports group by worked out once by the reports' own rules
/// (the ISO week, the pair or code it is reported under, the columns and modifier of its override, its root cause and
/// indicator). The reports aggregate these rows in SQL, by the index on their day (or payer and day), so their cost
/// follows the days and rows they cover, not the size of the store.</summary>
/// <remarks>A claim's rows are rebuilt from the rows they come from whenever something that decides them changes: its
/// outcomes (an 835 published, a reversal, a purge), the scrub that counts as sent for it (a confirmation, a later
/// scrub counted as sent, a match at ingest), a resolution step, or a replacement of it being sent. The rebuild is
/// exact by construction (it runs the lines' own query), and idempotent, so running it twice or late is harmless.</remarks>
internal static partial class LineFacts
{
    /// <summary>The columns, in the order <see cref="Insert"/> binds them and <see cref="ToLine"/> reads them.</summary>
    public const string Columns =
        "claim_id, line_id, day, week, payer_id, provider, code, modifiers, units, charge_cents, paid, family, group_code, denied_cents, " +
        "edit_type, column1, column2, modifier_indicator, source, rule, bypass_modifier, fate, same_day_codes, " +
        "resolution, resolved_on, written_off_cents, recovered_cents, " +
        "pair_column1, pair_column2, edit_column1, edit_column2, modifier_used, root_cause, indicator, preventable";

    private const int ColumnCount = 35;

    private static readonly string Insert =
        $"INSERT INTO line_facts ({Columns}) VALUES ({string.Join(", ", Enumerable.Range(0, ColumnCount).Select(i => $"@p{i}"))})";

    /// <summary>How many claims one rebuild names: its statements list them (<c>claim_id IN (@p0, …)</c>), so a
    /// queue of claims costs a few statements per hundred, not per claim.</summary>
    public const int ClaimsPerStatement = 100;

    private static readonly ClaimStatement Select = new($"SELECT {Columns} FROM line_facts WHERE claim_id IN $claims");

    private static readonly ClaimStatement Delete = new("DELETE FROM line_facts WHERE claim_id IN $claims");

    private const string HasFacts = "SELECT 1 FROM line_facts WHERE claim_id = @p0 LIMIT 1";

    /// <summary>The claims replacements of these claims stand for: a replacement sent works its original's denials. Its
    /// terms are those of the index of replacements (schema 11), so it reads replacements only, not every scrub of a claim.</summary>
    internal const string OriginalsOfSql =
        "SELECT DISTINCT original_claim_id FROM scrubs WHERE claim_id IN $claims AND frequency = 'Replacement' AND original_claim_id <> ''";

    private static readonly ClaimStatement OriginalsOf = new(OriginalsOfSql);

    /// <summary>Rebuilds the rows of these claims and of the claims their replacements stand for, each locked first (in
    /// one order, so two refreshes never wait on each other) so that it reads every other change to it committed.</summary>
    /// <param name="connection">The writer's connection.</param>
    /// <param name="transaction">The write's transaction.</param>
    /// <param name="statements">The writer's prepared statements.</param>
    /// <param name="claimIds">The claims whose facts may have changed.</param>
    /// <param name="onlyReported">Rebuild only the claims that have rows already: for a change that cannot give a claim
    /// its first outcome (a confirmation), so a claim no 835 answered yet costs an index probe, not a rebuild. A claim
    /// an 835 answered whose first rows are still queued is rebuilt from the queue.</param>
    public static void Refresh(DbConnection connection, DbTransaction transaction, PreparedStatements statements, IEnumerable<string> claimIds,
        bool onlyReported = false)
    {
        var claims = new SortedSet<string>(claimIds, StringComparer.Ordinal);
        foreach (var chunk in claims.ToArray().Chunk(ClaimsPerStatement))
        {
            var listed = Listed(chunk);
            claims.UnionWith(PreparedStatements.Rows(OriginalsOf.For(connection, transaction, statements, listed), r => r.GetString(0), listed));
        }

        var dialect = SqlDialect.Of(connection);
        foreach (var claimId in claims)
        {
            dialect.LockClaim(connection, transaction, claimId);
        }

        var rebuilt = onlyReported ? claims.Where(c => HasRows(connection, transaction, statements, c)) : claims;
        foreach (var chunk in rebuilt.Chunk(ClaimsPerStatement))
        {
            Rebuild(connection, transaction, statements, chunk);
        }
    }

    private static bool HasRows(DbConnection connection, DbTransaction transaction, PreparedStatements statements, string claimId) =>
        PreparedStatements.Scalar(statements.For(connection, transaction, HasFacts, 1), claimId) is not null;

    /// <summary>Rebuilds the claim's rows when it has any: the scrub that counts as sent for it changed, which decides
    /// whether the edits of the scrub the payer answered still stand on its lines. A claim with no outcome yet has
    /// nothing to rebuild, and this costs one index probe.</summary>
    public static void RefreshIfReported(DbConnection connection, DbTransaction transaction, PreparedStatements statements, string claimId)
    {
        // Locked before looking: a refresh writing the claim's first rows on another replica is then committed and seen.
        SqlDialect.Of(connection).LockClaim(connection, transaction, claimId);
        if (HasRows(connection, transaction, statements, claimId))
        {
            Refresh(connection, transaction, statements, [claimId]);
        }
    }

    /// <summary>Replaces the rows of the claims (at most <see cref="ClaimsPerStatement"/>) by their lines as they read
    /// now, and moves the totals with them; returns how many rows it wrote.</summary>
    public static int Rebuild(DbConnection connection, DbTransaction transaction, PreparedStatements statements, IReadOnlyList<string> claims)
    {
        var listed = Listed(claims);
        var removed = PreparedStatements.Rows(Select.For(connection, transaction, statements, listed), ToLine, listed);
        PreparedStatements.Run(Delete.For(connection, transaction, statements, listed), listed);
        var lines = SentLineOutcomes.ReadClaims(connection, transaction, statements, listed);
        var insert = statements.For(connection, transaction, Insert, ColumnCount);
        foreach (var line in lines)
        {
            PreparedStatements.Run(insert, Values(line));
        }

        CountTotals(connection, transaction, statements, removed, lines);
        return lines.Count;
    }

    /// <summary>The values a <see cref="ClaimStatement"/> binds for <paramref name="claims"/>: one claim alone, else a
    /// hundred, the last repeated to fill them.</summary>
    public static object?[] Listed(IReadOnlyList<string> claims)
    {
        if (claims.Count is 0 or > ClaimsPerStatement)
        {
            throw new ArgumentOutOfRangeException(nameof(claims), claims.Count, $"A statement lists 1 to {ClaimsPerStatement} claims.");
        }

        return claims.Count == 1 ? [claims[0]] : [.. Enumerable.Range(0, ClaimsPerStatement).Select(i => claims[Math.Min(i, claims.Count - 1)])];
    }

    /// <summary>A line as a row: its fields, then what the reports group it by.</summary>
    private static object?[] Values(DeniedLine line)
    {
        var edit = line.Edit;
        var denied = line.Family is not null;
        var (pairColumn1, pairColumn2) = line.PairOrCode;
        var (editColumn1, editColumn2) = line.EditColumns;
        return
        [
            line.ClaimId, line.LineId, Dates.Text(line.Day), FeedbackReports.Week(line.Day), line.PayerId, line.Provider, line.Code, line.Modifiers,
            line.Units, line.ChargeCents, line.Paid, line.Family, line.Group, line.DeniedCents,
            edit?.EditType, edit?.Column1, edit?.Column2, edit?.ModifierIndicator, edit?.Source, edit?.Rule, edit?.BypassModifier, edit?.Fate,
            string.Join(' ', line.SameDayCodes),
            line.Resolution, line.ResolvedOn is { } resolvedOn ? Dates.Text(resolvedOn) : null, line.WrittenOffCents, line.RecoveredCents,
            pairColumn1, pairColumn2,
            edit is null ? null : editColumn1, edit is null ? null : editColumn2, edit is null ? null : FeedbackReports.ModifierUsed(line),
            denied ? RootCauses.Of(line) : null, denied ? RootCauses.IndicatorOf(line) : null, Kpis.IsPreventable(line),
        ];
    }

    /// <summary>A row read with <see cref="Columns"/> (from column 0) as the line it was written from.</summary>
    public static DeniedLine ToLine(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), Dates.Day(r.GetString(2)),
        r.GetInt64(10) != 0, r.IsDBNull(11) ? null : r.GetString(11), r.GetString(12), r.GetInt64(13),
        r.IsDBNull(14) ? null : new LineEdit(r.GetString(14), r.GetString(15), r.GetString(16), r.IsDBNull(17) ? null : r.GetInt32(17),
            r.GetString(18), r.GetString(19), r.GetString(20), r.GetString(21)))
    {
        Units = r.GetDouble(8),
        ChargeCents = r.GetInt64(9),
        SameDayCodes = r.GetString(22).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        Resolution = r.IsDBNull(23) ? null : r.GetString(23),
        ResolvedOn = r.IsDBNull(24) ? null : Dates.Day(r.GetString(24)),
        WrittenOffCents = r.GetInt64(25),
        RecoveredCents = r.GetInt64(26),
    };
}
