using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>Modifier advice through the real host, on a practitioner table of hand-made rows: 25 on the eye exams,
/// contradictions that never bypass, advice on the column 2 line led by the rationale, the hard-stop default, and pack
/// edits without an NCCI indicator.</summary>
public sealed class ModifierAdviceEndToEndTests : IAsyncLifetime
{
    private const string Day = "2026-07-01";
    private readonly TempDirectory _tables = new();
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync()
    {
        var table = PtpFiles.Write(_tables.File("ccipra-v322r0-f1.txt"),
            PtpFiles.Row("67820", "92012", "20100101", "*", "1", "CPT Manual or CMS manual coding instruction"),
            PtpFiles.Row("99291", "36000", "20100101", "*", "1", "CPT Manual or CMS manual coding instruction"),
            PtpFiles.Row("11055", "11042", "20100101", "*", "1", "Mutually exclusive procedures"),
            PtpFiles.Row("20610", "20611", "20100101", "*", "1", "Misuse of Column Two code with Column One code"),
            PtpFiles.Row("64483", "64484", "20100101", "*", "1", "Mutually exclusive procedures"),
            PtpFiles.Row("82565", "82570", "20100101", "*", "1", "Mutually exclusive procedures"),
            PtpFiles.Row("11042", "97597", "20100101", "*", "1", "Mutually exclusive procedures"));
        _server = await RunningServer.StartAsync($"--Ncci:Practitioner:0={table}");
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _tables.Dispose();
    }

    [Fact]
    public async Task EyeExamWith25_BypassesAndWithout25_IsAdvised25()
    {
        var marked = await Scrub("67820", "92012-25");
        var unmarked = await Scrub("67820", "92012");

        Assert.Equal(Disposition.Clean, marked.Disposition);
        Assert.Equal(("NCCI_PTP_BYPASSED", "25"), (Assert.Single(marked.Edits).EditType, marked.Edits[0].BypassModifier));
        Assert.DoesNotContain(marked.Edits, e => e.EditType == "MODIFIER_INVALID");
        var edit = Assert.Single(unmarked.Edits);
        Assert.Equal(("25", "L2", RecommendedAction.AddModifier), (edit.SuggestedModifiers.Single().Modifier, edit.SuggestedModifiers[0].LineId, edit.RecommendedAction));
    }

    [Fact]
    public async Task IndicatorOneWithoutAModifier_IsAHardStopByDefault()
    {
        var response = await Scrub("11055", "11042");

        Assert.Equal(Disposition.HardStop, response.Disposition);
        Assert.Equal((Severity.HardStop, 1, true), (response.Edits[0].Severity, response.Edits[0].ModifierIndicator, response.Edits[0].HasModifierIndicator));
    }

    [Fact]
    public async Task IndicatorOneSeverityWarning_SoftensItPerDeployment()
    {
        await using var server = await RunningServer.StartAsync($"--Ncci:Practitioner:0={_tables.File("ccipra-v322r0-f1.txt")}", "--Scrub:IndicatorOneSeverity=Warning");

        var response = await server.Scrubber.ScrubClaimAsync(ProtoClaims.Of(Day, "11055", "11042").Request());

        Assert.Equal(Disposition.Warnings, response.Disposition);
    }

    [Theory]
    [InlineData("11055-RT", "11042-XS-RT", "both lines carry RT")]
    [InlineData("11055", "11042-XP", "the same rendering provider")]
    [InlineData("64483-50", "64484-RT", "carries 50, a procedure on both sides")]
    public async Task Contradictions_NeverBypass(string column1, string column2, string why)
    {
        var response = await Scrub(column1, column2);

        Assert.Equal(Disposition.HardStop, response.Disposition);
        Assert.Single(response.Edits, e => e.EditType == "NCCI_PTP");
        var contradiction = Assert.Single(response.Edits, e => e.EditType == "MODIFIER_CONTRADICTS_CLAIM");
        Assert.Equal(("L2", Severity.Warning, RecommendedAction.CorrectModifier), (contradiction.LineId, contradiction.Severity, contradiction.RecommendedAction));
        Assert.Contains(why, contradiction.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Edits, e => e.EditType is "NCCI_PTP_BYPASSED" or "MODIFIER_SAME_SITE");
    }

    [Fact]
    public async Task ProcedureBundledIntoCriticalCare_LeadsWithRemovingTheProcedure_ModifiersOnItNever25()
    {
        var response = await Scrub("99291", "36000");

        var edit = Assert.Single(response.Edits);
        Assert.Equal(("L2", RecommendedAction.RemoveLine), (edit.LineId, edit.RecommendedAction));
        Assert.Contains("Remove line L2:", edit.Message, StringComparison.Ordinal);
        Assert.NotEmpty(edit.SuggestedModifiers);
        Assert.All(edit.SuggestedModifiers, s => Assert.Equal("L2", s.LineId));
        Assert.DoesNotContain(edit.SuggestedModifiers, s => s.Modifier == "25");
    }

    [Fact]
    public async Task TwentyFiveOnTheCriticalCareVisitInColumnOne_BypassesNothing_AndIsOnTheWrongLine()
    {
        var response = await Scrub("99291-25", "36000");

        Assert.Equal(Disposition.HardStop, response.Disposition);
        Assert.Equal("L2", Assert.Single(response.Edits, e => e.EditType == "NCCI_PTP").LineId);
        var wrongLine = Assert.Single(response.Edits, e => e.EditType == "MODIFIER_WRONG_LINE");
        Assert.Equal(("L1", RecommendedAction.CorrectModifier), (wrongLine.LineId, wrongLine.RecommendedAction));
        Assert.DoesNotContain(response.Edits, e => e.EditType == "NCCI_PTP_BYPASSED");
        Assert.DoesNotContain(response.Edits.SelectMany(e => e.SuggestedModifiers), s => s.LineId == "L1");
    }

    [Theory]
    [InlineData("11055", "11042", "XS,XE,XU,59")]
    [InlineData("64483-RT", "64484", "XS,XE,XU,59")]
    [InlineData("82565", "82570", "XE,XU,91")]
    [InlineData("11042", "97597", "XS,XE,XU,59")]
    public async Task ModifiersFollowTheClaimsFacts(string column1, string column2, string expected)
    {
        var edit = Assert.Single((await Scrub(column1, column2)).Edits);

        Assert.Equal(expected, string.Join(",", edit.SuggestedModifiers.Select(s => s.Modifier)));
        Assert.Equal(RecommendedAction.AddModifier, edit.RecommendedAction);
    }

    [Fact]
    public async Task MisuseRationale_LeadsWithRemovingTheLine()
    {
        var edit = Assert.Single((await Scrub("20610", "20611")).Edits);

        Assert.Equal(RecommendedAction.RemoveLine, edit.RecommendedAction);
        Assert.StartsWith("20611 (line L2) is bundled into 20610 (line L1)", edit.Message, StringComparison.Ordinal);
        Assert.Contains("Remove line L2:", edit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackEdit_CarriesNoModifierIndicator()
    {
        await using var server = await RunningServer.StartAsync();
        var claim = ProtoClaims.Of("2026-07-14", "99213", "93000");
        claim.PayerId = "ACME01";

        var response = await server.Scrubber.ScrubClaimAsync(claim.Request());

        var packEdit = Assert.Single(response.Edits, e => e.Rule.Length > 0);
        Assert.False(packEdit.HasModifierIndicator);
    }

    private async Task<ScrubClaimResponse> Scrub(params string[] codes) =>
        await Server.Scrubber.ScrubClaimAsync(ProtoClaims.Of(Day, codes).Request());
}
