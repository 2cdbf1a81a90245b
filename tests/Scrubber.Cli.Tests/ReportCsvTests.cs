using System.Globalization;
using Google.Protobuf;
using Scrubber.Generators;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Cli.Tests;

/// <summary><c>scrubctl report … --format csv</c> on a store whose claim and payer ids are spreadsheet formulas: every
/// text cell that would run is written as text, and numbers stay numbers.</summary>
public sealed class ReportCsvTests(ReportCsvTests.HostileStore store) : IClassFixture<ReportCsvTests.HostileStore>
{
    /// <summary>The payer id of every claim in the store: a formula that starts a program when a spreadsheet runs it.</summary>
    public const string Payer = "=cmd|' /C calc'!A0";

    /// <summary>The claim whose 93000 was denied with nothing warning: a row of the missed report.</summary>
    public const string MissedClaim = "=cmd|' /C calc'!A0";

    /// <summary>The claim whose NCCI warning was sent anyway and denied: a row of the overridden-then-denied report.</summary>
    public const string OverriddenClaim = "+cmd|' /C calc'!A1";

    /// <summary>A claim whose denial the payer reduced afterwards with a negative CO-97 adjustment.</summary>
    public const string NegativeClaim = "@SUM(1+1)*cmd|' /C calc'!A2";

    private const string Neutralised = "'=cmd|' /C calc'!A0";

    [Fact]
    public async Task ReportMissedCsv_FormulaClaimAndPayerIds_AreWrittenAsText()
    {
        var rows = await CsvAsync("missed");

        var row = Assert.Single(rows, r => r[7].StartsWith("'" + MissedClaim + "/", StringComparison.Ordinal));
        Assert.Equal([Neutralised, "93000"], row[..2]);
        Assert.Equal("100.00", row[6]);
        Assert.Contains(rows, r => r[7].StartsWith("'" + NegativeClaim + "/", StringComparison.Ordinal));
        AssertNoCellRuns(rows);
    }

    [Fact]
    public async Task ReportMissedCsv_NegativeAmount_StaysANumber()
    {
        var rows = await CsvAsync("missed");

        var row = Assert.Single(rows, r => r[7].StartsWith("'" + NegativeClaim + "/", StringComparison.Ordinal));
        Assert.Equal("-20.00", row[6]);
    }

    [Fact]
    public async Task ReportOverriddenThenDeniedCsv_FormulaPayerId_IsWrittenAsText()
    {
        var rows = await CsvAsync("overridden-then-denied");

        var row = Assert.Single(rows, r => r[0] == "0001U" && r[1] == "0030U");
        Assert.Equal(Neutralised, row[2]);
        Assert.Equal("100.00", row[8]);
        AssertNoCellRuns(rows);
    }

    [Fact]
    public async Task ReportWeeklyCsv_FormulaPayerId_IsWrittenAsText()
    {
        var rows = await CsvAsync("weekly");

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.StartsWith("'" + Payer + ":", r[6], StringComparison.Ordinal));
        Assert.Contains(rows, r => r[7] == "-20.00");
        AssertNoCellRuns(rows);
    }

    [Fact]
    public async Task ReportKpisCsv_FormulaPayerId_IsWrittenAsText()
    {
        var run = await CliRun.RunAsync("report", "kpis", "--format", "csv", "--server", store.Server.Address);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var topPairs = Section(run.Out, "Top pairs by dollars");
        Assert.Equal("Column 1,Column 2,Payer,Denied,Dollars,Family,Group", topPairs[0]);
        var rows = topPairs.Skip(1).Select(Cells).ToList();
        Assert.Contains(rows, r => r[0] == "0001U" && r[1] == "0030U" && r[2] == Neutralised && r[4] == "100.00");
        Assert.All(rows, r => Assert.Equal(Neutralised, r[2]));
        AssertNoCellRuns(rows);
    }

    [Fact]
    public async Task ReportPatternsCsv_FormulaPayerId_IsWrittenAsText()
    {
        var rows = await CsvAsync("patterns");

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(Neutralised, r[0]));
        AssertNoCellRuns(rows);
    }

    [Fact]
    public async Task ReportMissedTable_FormulaPayerId_IsShownAsSent()
    {
        var run = await CliRun.RunAsync("report", "missed", "--server", store.Server.Address);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("\n" + Payer + " ", run.Out, StringComparison.Ordinal);
    }

    private async Task<List<string[]>> CsvAsync(string report)
    {
        var run = await CliRun.RunAsync("report", report, "--format", "csv", "--server", store.Server.Address);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        return [.. run.Out.Split('\n').Skip(1).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Select(Cells)];
    }

    /// <summary>No cell starts with what a spreadsheet takes for a formula, unless it is a plain number.</summary>
    private static void AssertNoCellRuns(List<string[]> rows) =>
        Assert.All(rows.SelectMany(r => r), cell =>
            Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal) && !decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out _), cell));

    /// <summary>The lines of one titled table of the KPI report, header first.</summary>
    private static List<string> Section(string output, string title) =>
        [.. output.Split('\n').SkipWhile(l => l != title).Skip(1).TakeWhile(l => l.Length > 0)];

    /// <summary>The fields of one CSV line (RFC 4180 quoting).</summary>
    private static string[] Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }

    /// <summary>A running service whose store holds three sent claims of the formula payer, each with a line denied CO-97.</summary>
    public sealed class HostileStore : IAsyncLifetime
    {
        private RunningServer? _server;

        public RunningServer Server => _server!;

        public async Task InitializeAsync()
        {
            _server = await RunningServer.StartAsync();
            var scrubber = new ClaimScrubber.ClaimScrubberClient(Server.Channel);
            var outcomes = new Outcomes.OutcomesClient(Server.Channel);
            var week33 = new List<RemitClaimSpec>();
            var week34 = new List<RemitClaimSpec>();
            foreach (var (id, codes, deniedBy, remits) in new (string, string[], decimal, List<RemitClaimSpec>)[]
            {
                (MissedClaim, ["99213", "93000"], 100m, week33),
                (OverriddenClaim, ["0001U", "0030U"], 100m, week33),
                (NegativeClaim, ["99214", "93000"], -20m, week34),
            })
            {
                var claim = Claim(id, codes);
                var scrub = await scrubber.ScrubClaimAsync(new ScrubClaimRequest { Claim = claim });
                await outcomes.ConfirmSubmissionAsync(new ConfirmSubmissionRequest { ScrubId = scrub.ScrubId });
                var date = new DateOnly(2026, 8, 3);
                remits.Add(new RemitClaimSpec(id, "1", "ICN-" + claim.PatientId, [
                    new RemitLineSpec("L1", codes[0], [], date, 100m, 80m, [("CO", "45", 20m)]),
                    new RemitLineSpec("L2", codes[1], [], date, 100m, 0m, [("CO", "97", deniedBy)]),
                ]));
            }

            foreach (var (remits, paidOn) in new[] { (week33, new DateOnly(2026, 8, 12)), (week34, new DateOnly(2026, 8, 19)) })
            {
                var content = new Remittance835Writer().Write(remits, paidOn);
                await outcomes.IngestRemittanceAsync(new IngestRemittanceRequest { Content = ByteString.CopyFromUtf8(content), FileName = $"formulas-{paidOn:MMdd}.835" });
            }
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();

        private static Claim Claim(string id, string[] codes)
        {
            var claim = new Claim
            {
                ClaimId = id,
                PayerId = Payer,
                PatientId = "PAT-" + id.GetHashCode(StringComparison.Ordinal).ToString("X8", CultureInfo.InvariantCulture),
                BillingProviderNpi = "1234567893",
                Setting = Setting.Professional,
            };
            for (var i = 0; i < codes.Length; i++)
            {
                claim.Lines.Add(new ClaimLine { LineId = $"L{i + 1}", ProcedureCode = codes[i], ServiceDate = "2026-08-03", Charge = "100.00", Units = 1, DiagnosisCodes = { "Z23" } });
            }

            return claim;
        }
    }
}
