using System.Text.Json;
using Google.Protobuf;
using Scrubber.Generators;
using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;
using FeedbackClient = Scrubber.V1.Feedback.FeedbackClient;
using OutcomesClient = Scrubber.V1.Outcomes.OutcomesClient;

namespace Scrubber.Server.Tests;

/// <summary>Units (CARC 151 + N362) and add-on (B15) denials through the real host: an 835 ingested over gRPC, the
/// weekly dashboard and rule proposals over gRPC, and the dashboard's JSON, each showing them by code.</summary>
/// <remarks>
/// All MEDICARE, dated 2026-08-03, paid on 2026-08-12 (week 33), scrubbed and confirmed over gRPC. Three claims of
/// 99213 + 0009U ×4 get the MUE_UNITS_EXCEEDED hard stop of the shipped MUE excerpt (MUE 2, MAI 3), are sent anyway
/// and have 0009U denied CO-151 N362. Three claims of 99213 + 97110 ×6 (97110 is not in the excerpt) with 97110
/// denied CO-151 N362 and one of 97110 ×4 paid; three claims of 99213 + 22552 (an add-on the shipped add-on sample
/// does not list) with 22552 denied CO-B15 and one of 22551 + 22552 paid.
/// </remarks>
public sealed class UnitsAndAddOnReportsTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 8, 3);
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync();
        var remits = new List<RemitClaimSpec>();
        for (var i = 0; i < 3; i++)
        {
            remits.Add(await Send(Claim("99213", "0009U", units: 4), Denied("CO", "151", "N362")));
            remits.Add(await Send(Claim("99213", "97110", units: 6), Denied("CO", "151", "N362")));
            remits.Add(await Send(Claim("99213", "22552", units: 1), Denied("CO", "B15")));
        }

        remits.Add(await Send(Claim("99213", "97110", units: 4), paid: true));
        remits.Add(await Send(Claim("22551", "22552", units: 1), paid: true));
        var content = new Remittance835Writer(seed: 11).Write(remits, new DateOnly(2026, 8, 12));
        var ingested = await new OutcomesClient(Server.Channel).IngestRemittanceAsync(new IngestRemittanceRequest { Content = ByteString.CopyFromUtf8(content), FileName = "era-0812.835" });
        Assert.Equal((11, 9), (ingested.MatchedClaims, ingested.DeniedLines));
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task WeeklyDashboard_OverGrpc_ShowsUnitsAndAddOnRepeatOffendersByCode()
    {
        var report = await new FeedbackClient(Server.Channel).WeeklyDashboardAsync(new ReportRequest());

        Assert.Equal(
        [
            ("", "", "0009U", "units", 3, "MUE", "units over the MUE", true, 4.0, ""),
            ("", "", "22552", "add_on", 3, "not in NCCI", "not caught", true, 0.0, "99213"),
            ("", "", "97110", "units", 3, "not in NCCI", "not caught", true, 6.0, ""),
        ], report.Rows.Select(r => (r.Column1Code, r.Column2Code, r.DeniedCode, r.Family, r.Occurrences, r.ModifierIndicator, r.RootCause, r.RepeatOffender, r.MaxUnits,
            string.Join(' ', r.ContextCodes))));
        Assert.Equal("bill units within the MUE, or appeal with the record where the MUE is clinical", report.Rows[0].Action);
    }

    [Fact]
    public async Task OverriddenThenDenied_OverGrpc_TiesTheUnitsDenialToTheMueEditSentAnyway()
    {
        var row = Assert.Single((await new FeedbackClient(Server.Channel).OverriddenThenDeniedAsync(new ReportRequest())).Rows);

        Assert.Equal(("", "0009U", "forced", "units", 3, "300.00"), (row.Column1Code, row.Column2Code, row.Fate, row.Family, row.Denied, row.DollarsDenied));
    }

    [Fact]
    public async Task ProposeRules_OverGrpc_DraftsAUnitLimitAndAnAddOnPrimary()
    {
        var report = await new FeedbackClient(Server.Channel).ProposeRulesAsync(new ProposeRulesRequest { Filter = new ReportRequest() });

        Assert.Equal(
        [
            ("22552", "add-on without primary", 0.0, "22551", 3, 0),
            ("97110", "units over limit", 4.0, "", 3, 0),
        ], report.Proposals.Select(p => (p.Column2Code, p.Kind, p.UnitLimit, string.Join(' ', p.PrimaryCodes), p.WouldHaveFlagged, p.WouldHaveFlaggedPaid)));
    }

    [Fact]
    public async Task DashboardApi_Weekly_GivesUnitsRowsTheirCodeAndMostUnits()
    {
        using var response = await Infrastructure.DashboardClient.GetWithBearerAsync(Server.WebAddress, "/api/weekly?families=units", RunningServer.ApiKey);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var rows = json.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("column1").GetString(), r.GetProperty("deniedCode").GetString(), r.GetProperty("maxUnits").GetDouble(), r.GetProperty("repeat").GetBoolean()))
            .ToList();
        Assert.Equal([("", "0009U", 4.0, true), ("", "97110", 6.0, true)], rows);
        Assert.Equal(["0009U", "97110"], json.RootElement.GetProperty("topPairs").EnumerateArray().Select(p => p.GetProperty("pair").GetString()));
    }

    private static Claim Claim(string code1, string code2, int units)
    {
        var claim = ProtoClaims.Of("2026-08-03", code1, code2);
        claim.Lines[1].Units = units;
        return claim;
    }

    private static (string Group, string Reason, string[] Remarks)? Denied(string group, string reason, params string[] remarks) => (group, reason, remarks);

    /// <summary>Scrubs and confirms the claim over gRPC; the 835 pays line 1 and denies line 2, or pays it.</summary>
    private async Task<RemitClaimSpec> Send(Claim claim, (string Group, string Reason, string[] Remarks)? denial = null, bool paid = false)
    {
        await SentClaims.ScrubAndConfirm(Server, claim);
        var second = paid || denial is not { } d
            ? new RemitLineSpec("L2", claim.Lines[1].ProcedureCode, [], Day, 100m, 100m, [])
            : new RemitLineSpec("L2", claim.Lines[1].ProcedureCode, [], Day, 100m, 0m, [(d.Group, d.Reason, 100m)], Remarks: [.. d.Remarks]);
        return new RemitClaimSpec(claim.ClaimId, "1", "ICN-" + claim.ClaimId,
            [new RemitLineSpec("L1", claim.Lines[0].ProcedureCode, [], Day, 100m, 80m, [("CO", "45", 20m)]), second]);
    }
}
