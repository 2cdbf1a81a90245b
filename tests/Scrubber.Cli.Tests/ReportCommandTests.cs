using System.Text.Json;
using Scrubber.Testing;

namespace Scrubber.Cli.Tests;

/// <summary><c>scrubctl demo seed</c> and <c>scrubctl report</c> against a real service with a fresh store.</summary>
public sealed class ReportCommandTests : IAsyncLifetime
{
    private RunningServer? _server;

    private string Server => _server!.Address;

    private static string Sample => Path.Combine(RepositoryPaths.Root, "tools", "samples", "claims", "bypassed-by-xs.json");

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await _server!.DisposeAsync();

    [Fact]
    public async Task DemoSeed_ThenReports_ShowOverriddenAndMissedDenials()
    {
        var seed = await CliRun.RunAsync("demo", "seed", "--weeks", "2", "--claims-per-week", "40", "--server", Server);

        Assert.Equal(ExitCodes.Ok, seed.ExitCode);
        Assert.Matches(@"week of 2026-09-21: 40 claims scrubbed and confirmed, 835 ingested: \d+ lines, \d+ NCCI-type denials", seed.Out);

        var overridden = await CliRun.RunAsync("report", "overridden-then-denied", "--format", "json", "--server", Server);
        Assert.Equal(ExitCodes.Ok, overridden.ExitCode);
        var rows = JsonDocument.Parse(overridden.Out).RootElement.GetProperty("rows");
        Assert.True(rows.GetArrayLength() > 0, overridden.Out);
        Assert.All(rows.EnumerateArray(), r => Assert.Contains(r.GetProperty("fate").GetString(), new[] { "overridden_by_modifier", "overridden_by_acceptance", "forced" }));

        var missed = await CliRun.RunAsync("report", "missed", "--format", "csv", "--server", Server);
        Assert.Equal(ExitCodes.Ok, missed.ExitCode);
        var lines = missed.Out.Split('\n');
        Assert.Equal("Payer,Code,Modifiers,Provider,Week,Denied,Dollars,Claim/line,Family,Group", lines[0].TrimEnd());
        Assert.True(lines.Length > 1, missed.Out);

        var table = await CliRun.RunAsync("report", "missed", "--week", "2026-W41", "--server", Server);
        Assert.Equal(ExitCodes.Ok, table.ExitCode);
        Assert.StartsWith("Payer", table.Out, StringComparison.Ordinal);

        var weekly = await CliRun.RunAsync("report", "weekly", "--format", "json", "--repeat-threshold", "2", "--server", Server);
        Assert.Equal(ExitCodes.Ok, weekly.ExitCode);
        var weeklyRows = JsonDocument.Parse(weekly.Out).RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(weeklyRows);
        Assert.Contains(weeklyRows, r => r.TryGetProperty("repeatOffender", out var flag) && flag.GetBoolean() && r.GetProperty("action").GetString()!.Length > 0);

        var kpis = await CliRun.RunAsync("report", "kpis", "--server", Server);
        Assert.Equal(ExitCodes.Ok, kpis.ExitCode);
        Assert.Contains("Denials by month", kpis.Out, StringComparison.Ordinal);
        Assert.Contains("Top pairs by dollars", kpis.Out, StringComparison.Ordinal);

        var patterns = await CliRun.RunAsync("report", "patterns", "--format", "csv", "--server", Server);
        Assert.Equal(ExitCodes.Ok, patterns.ExitCode);
        Assert.StartsWith("Payer,Column 1,Column 2,Pattern,Paid,Denied,Paid with modifier", patterns.Out, StringComparison.Ordinal);

        var proposals = await CliRun.RunAsync("rules", "propose", "--min-support", "1", "--format", "json", "--server", Server);
        Assert.Equal(ExitCodes.Ok, proposals.ExitCode);
        var drafted = JsonDocument.Parse(proposals.Out).RootElement.GetProperty("proposals").EnumerateArray().ToList();
        Assert.NotEmpty(drafted);
        Assert.All(drafted, p => Assert.Equal("pair", JsonDocument.Parse(p.GetProperty("ruleJson").GetString()!).RootElement.GetProperty("scope").GetString()));
    }

    [Fact]
    public async Task DemoSeed_StoreThatHoldsData_RefusesSayingWhatItHolds()
    {
        var scrub = await CliRun.RunAsync("scrub", Sample, "--server", Server);
        Assert.Equal(ExitCodes.Ok, scrub.ExitCode);

        var seed = await CliRun.RunAsync("demo", "seed", "--weeks", "1", "--claims-per-week", "5", "--server", Server);

        Assert.Equal(ExitCodes.Problems, seed.ExitCode);
        Assert.Contains("already holds data: 1 scrubs, 1 claims", seed.Error, StringComparison.Ordinal);
        Assert.Contains("--append", seed.Error, StringComparison.Ordinal);
        Assert.Empty(seed.Out);
        var status = await CliRun.RunAsync("status", "--server", Server);
        Assert.Contains("Store: 1 scrubs", status.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSeed_StoreThatHoldsDataWithAppend_SeedsIt()
    {
        var scrub = await CliRun.RunAsync("scrub", Sample, "--server", Server);
        Assert.Equal(ExitCodes.Ok, scrub.ExitCode);

        var seed = await CliRun.RunAsync("demo", "seed", "--weeks", "1", "--claims-per-week", "5", "--append", "--server", Server);

        Assert.Equal(ExitCodes.Ok, seed.ExitCode);
        Assert.Contains("week of 2026-09-28: 5 claims scrubbed and confirmed, 835 ingested", seed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_FamilyOption_CoversOnlyThoseFamilies()
    {
        // demo seed denies with CO-97 only: every denial is in the bundling family.
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("demo", "seed", "--weeks", "2", "--claims-per-week", "40", "--server", Server)).ExitCode);

        var bundling = await CliRun.RunAsync("report", "missed", "--family", "bundling", "--format", "json", "--server", Server);
        var duplicates = await CliRun.RunAsync("report", "missed", "--family", "duplicate", "--family", "units", "--format", "json", "--server", Server);
        var table = await CliRun.RunAsync("report", "missed", "--family", "bundling", "--server", Server);

        Assert.Equal(ExitCodes.Ok, bundling.ExitCode);
        var rows = JsonDocument.Parse(bundling.Out).RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("bundling", r.GetProperty("family").GetString()));
        Assert.Equal(ExitCodes.Ok, duplicates.ExitCode);
        Assert.False(JsonDocument.Parse(duplicates.Out).RootElement.TryGetProperty("rows", out var none) && none.GetArrayLength() > 0, duplicates.Out);
        Assert.Matches(@"\n\S.*\s+bundling\s+CO\s*(\n|$)", table.Out);
    }

    [Fact]
    public async Task ReportKpisAndPatterns_ShowTheAdjustmentGroupInTableCsvAndJson()
    {
        // demo seed denies with CO-97 only: every top pair and pattern row is bundling, group CO.
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("demo", "seed", "--weeks", "2", "--claims-per-week", "40", "--server", Server)).ExitCode);

        var kpisCsv = await CliRun.RunAsync("report", "kpis", "--format", "csv", "--server", Server);
        var kpisJson = await CliRun.RunAsync("report", "kpis", "--format", "json", "--server", Server);
        var patternsTable = await CliRun.RunAsync("report", "patterns", "--server", Server);
        var patternsCsv = await CliRun.RunAsync("report", "patterns", "--format", "csv", "--server", Server);
        var patternsJson = await CliRun.RunAsync("report", "patterns", "--format", "json", "--server", Server);

        var kpiLines = kpisCsv.Out.ReplaceLineEndings("\n").Split('\n');
        var header = Array.IndexOf(kpiLines, "Column 1,Column 2,Payer,Denied,Dollars,Family,Group");
        Assert.True(header > 0, kpisCsv.Out);
        var topPairs = kpiLines.Skip(header + 1).TakeWhile(l => l.Length > 0).ToList();
        Assert.NotEmpty(topPairs);
        Assert.All(topPairs, l => Assert.EndsWith(",bundling,CO", l, StringComparison.Ordinal));
        var jsonPairs = JsonDocument.Parse(kpisJson.Out).RootElement.GetProperty("topPairs").EnumerateArray().ToList();
        Assert.Equal(topPairs.Count, jsonPairs.Count);
        Assert.All(jsonPairs, p => Assert.Equal("CO", p.GetProperty("groupCode").GetString()));

        var csvRows = patternsCsv.Out.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Payer,Column 1,Column 2,Pattern,Paid,Denied,Paid with modifier,Family,Group", csvRows[0]);
        Assert.All(csvRows.Skip(1), l => Assert.EndsWith(",bundling,CO", l, StringComparison.Ordinal));
        var jsonRows = JsonDocument.Parse(patternsJson.Out).RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(csvRows.Length - 1, jsonRows.Count);
        Assert.All(jsonRows, r => Assert.Equal("CO", r.GetProperty("groupCode").GetString()));
        Assert.Matches(@"^Payer .*\bFamily\s+Group\s*\n", patternsTable.Out);
        Assert.Matches(@"\n\S.*\s+bundling\s+CO\s*(\n|$)", patternsTable.Out);
    }

    [Fact]
    public async Task Report_UnknownFamily_ExitsTwoNamingIt()
    {
        var run = await CliRun.RunAsync("report", "missed", "--family", "bundling", "--family", "bundle", "--server", Server);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--family must be one of bundling, units, add_on, duplicate, modifier, other, not 'bundle'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportWeekly_DenialNoTableNamesAPairFor_ShowsItsCodeAndSameDayCodesNotAGuessedPair()
    {
        // demo seed denies 93000 billed with a visit where nothing warned: no NCCI or pack row names that pair.
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("demo", "seed", "--weeks", "2", "--claims-per-week", "40", "--server", Server)).ExitCode);

        var json = await CliRun.RunAsync("report", "weekly", "--format", "json", "--server", Server);
        var csv = await CliRun.RunAsync("report", "weekly", "--format", "csv", "--server", Server);

        Assert.Equal(ExitCodes.Ok, json.ExitCode);
        var unpaired = JsonDocument.Parse(json.Out).RootElement.GetProperty("rows").EnumerateArray()
            .Where(r => !r.TryGetProperty("column1Code", out _) && !r.TryGetProperty("column2Code", out _)).ToList();
        Assert.NotEmpty(unpaired);
        Assert.All(unpaired, r => Assert.NotEmpty(r.GetProperty("deniedCode").GetString()!));
        var row = unpaired.First(r => r.TryGetProperty("contextCodes", out _));
        var (week, code) = (row.GetProperty("isoWeek").GetString(), row.GetProperty("deniedCode").GetString());
        var context = string.Join(' ', row.GetProperty("contextCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains(csv.Out.Split('\n'), l => l.StartsWith($"{week},(no pair),{code},", StringComparison.Ordinal) && l.TrimEnd().EndsWith(context, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_BadWeek_ExitsTwoNamingTheField()
    {
        var run = await CliRun.RunAsync("report", "missed", "--week", "2026-33", "--server", Server);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("iso_week", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_UnknownName_ExitsTwo()
    {
        var run = await CliRun.RunAsync("report", "everything", "--server", Server);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Unknown report 'everything'", run.Error, StringComparison.Ordinal);
    }
}
