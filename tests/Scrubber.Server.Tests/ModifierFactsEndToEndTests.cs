using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>Modifier rules that turn on the claim's facts, through the real host on hand-made practitioner rows:
/// XP under a billing-NPI scope, one site without XS, 25 outside <c>em-25-eligible</c>, a payer pack's indicator-1
/// severity, and what the rationale of a pair of procedures leads with.</summary>
public sealed class ModifierFactsEndToEndTests : IAsyncLifetime
{
    private const string Day = "2026-07-01";
    private const string SoftPayer = "SOFT01";
    private readonly TempDirectory _files = new();
    private RunningServer? _server;

    private RunningServer Server => _server!;

    private string Table => _files.File("ccipra-v322r0-f1.txt");

    public async Task InitializeAsync()
    {
        PtpFiles.Write(Table,
            PtpFiles.Row("11055", "11042", "20100101", "*", "1", "Mutually exclusive procedures"),
            PtpFiles.Row("20605", "20600", "20100101", "*", "1", "CPT Manual or CMS manual coding instruction"),
            PtpFiles.Row("29880", "29881", "20100101", "*", "1", "Standards of medical/surgical practice"));
        var packs = Path.Combine(_files.Path, "packs");
        WriteSofteningPack(Path.Combine(packs, "soft-payer"));
        _server = await RunningServer.StartAsync($"--Ncci:Practitioner:0={Table}", $"--Packs:Root={packs}", "--Packs:Watch=false");
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _files.Dispose();
    }

    [Fact]
    public async Task XpWithTwoRenderingProvidersUnderBillingNpiScope_Bypasses_AndWithOneItContradictsTheClaim()
    {
        await using var server = await RunningServer.StartAsync($"--Ncci:Practitioner:0={Table}", "--Scrub:ProviderScope=BillingNpi");
        var twoPractitioners = ProtoClaims.Of(Day, "11055", "11042-XP");
        (twoPractitioners.Lines[0].RenderingProviderNpi, twoPractitioners.Lines[1].RenderingProviderNpi) = ("1245319599", "1316098726");
        var onePractitioner = ProtoClaims.Of(Day, "11055", "11042-XP");
        (onePractitioner.Lines[0].RenderingProviderNpi, onePractitioner.Lines[1].RenderingProviderNpi) = ("1245319599", "1245319599");

        var bypassed = await server.Scrubber.ScrubClaimAsync(twoPractitioners.Request());
        var contradicted = await server.Scrubber.ScrubClaimAsync(onePractitioner.Request());

        Assert.Equal(Disposition.Clean, bypassed.Disposition);
        var info = Assert.Single(bypassed.Edits);
        Assert.Equal(("NCCI_PTP_BYPASSED", "XP", "L2"), (info.EditType, info.BypassModifier, info.LineId));
        Assert.Equal(Disposition.HardStop, contradicted.Disposition);
        Assert.Single(contradicted.Edits, e => e.EditType == "MODIFIER_CONTRADICTS_CLAIM");
    }

    [Fact]
    public async Task XpIsSuggestedUnderBillingNpiScopeOnlyWhenRenderingProvidersDiffer()
    {
        await using var server = await RunningServer.StartAsync($"--Ncci:Practitioner:0={Table}", "--Scrub:ProviderScope=BillingNpi");
        var claim = ProtoClaims.Of(Day, "11055", "11042");
        (claim.Lines[0].RenderingProviderNpi, claim.Lines[1].RenderingProviderNpi) = ("1245319599", "1316098726");

        var edit = Assert.Single((await server.Scrubber.ScrubClaimAsync(claim.Request())).Edits);

        Assert.Equal("XP", edit.SuggestedModifiers[0].Modifier);
        Assert.DoesNotContain(Assert.Single((await Scrub(ProtoClaims.Of(Day, "11055", "11042"))).Edits).SuggestedModifiers, s => s.Modifier == "XP");
    }

    [Fact]
    public async Task SameSiteWithoutXs_IsSameSiteAlone_NeverAContradiction()
    {
        var response = await Scrub(ProtoClaims.Of(Day, "11055-RT", "11042-RT"));

        Assert.Equal(Disposition.HardStop, response.Disposition);
        Assert.Single(response.Edits, e => e.EditType == "NCCI_PTP");
        var sameSite = Assert.Single(response.Edits, e => e.EditType == "MODIFIER_SAME_SITE");
        Assert.Equal(("L2", RecommendedAction.CorrectModifier), (sameSite.LineId, sameSite.RecommendedAction));
        Assert.DoesNotContain(response.Edits, e => e.EditType is "MODIFIER_CONTRADICTS_CLAIM" or "NCCI_PTP_BYPASSED");
    }

    [Fact]
    public async Task TwentyFiveOnACodeOutsideEm25Eligible_IsInvalidAndBypassesNothing()
    {
        var response = await Scrub(ProtoClaims.Of(Day, "11055", "11042-25"));

        Assert.Equal(Disposition.HardStop, response.Disposition);
        var invalid = Assert.Single(response.Edits, e => e.EditType == "MODIFIER_INVALID");
        Assert.Equal(("L2", Severity.HardStop, RecommendedAction.CorrectModifier), (invalid.LineId, invalid.Severity, invalid.RecommendedAction));
        Assert.Contains("11042 is not one", invalid.Message, StringComparison.Ordinal);
        Assert.Single(response.Edits, e => e.EditType == "NCCI_PTP");
        Assert.DoesNotContain(response.Edits, e => e.EditType == "NCCI_PTP_BYPASSED");
    }

    [Fact]
    public async Task PackWithIndicatorOneWarning_SoftensThePairForItsPayerOnly()
    {
        var medicare = await Scrub(ProtoClaims.Of(Day, "11055", "11042"));
        var softened = await Scrub(ProtoClaims.Of(Day, "11055", "11042").ForPayer(SoftPayer));

        Assert.Equal(Disposition.HardStop, medicare.Disposition);
        Assert.Equal(Disposition.Warnings, softened.Disposition);
        var edit = Assert.Single(softened.Edits);
        Assert.Equal(("NCCI_PTP", Severity.Warning, 1), (edit.EditType, edit.Severity, edit.ModifierIndicator));
    }

    [Theory]
    [InlineData("20605", "20600", RecommendedAction.RemoveLine, "Remove line L2: CPT or CMS coding instructions include the column 2 service")]
    [InlineData("29880", "29881", RecommendedAction.AddModifier, "If the services were truly distinct, append XS")]
    public async Task RationaleBetweenTwoProcedures_LeadsAsDocumented(string column1, string column2, RecommendedAction expected, string advice)
    {
        var edit = Assert.Single((await Scrub(ProtoClaims.Of(Day, column1, column2))).Edits);

        Assert.Equal(("NCCI_PTP", expected), (edit.EditType, edit.RecommendedAction));
        Assert.Contains(advice, edit.Message, StringComparison.Ordinal);
        Assert.NotEmpty(edit.SuggestedModifiers);
    }

    private async Task<ScrubClaimResponse> Scrub(Claim claim) => await Server.Scrubber.ScrubClaimAsync(claim.Request());

    /// <summary>A pack with no rules of its own whose payer takes indicator-1 edits as warnings.</summary>
    private static void WriteSofteningPack(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "pack.json"), $$"""
            {
              "id": "soft-payer",
              "payers": ["{{SoftPayer}}"],
              "ncciTable": "practitioner",
              "severity": { "ncciIndicatorOne": "warning" }
            }
            """);
    }
}
