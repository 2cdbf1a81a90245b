using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>The claim context and the history helpers through the real host, with the test pack under Packs/ (one
/// rule a vocabulary member): each member reaches its rule from the protobuf fields, and the history helpers read
/// what was sent for the patient, in the store, a year back.</summary>
public sealed class ClaimContextEndToEndTests : IAsyncLifetime
{
    private const string Payer = "CTX01";
    private const string Day = "2026-07-14";
    private const string ClinicianA = "1987654328";
    private const string ClinicianB = "1765432103";
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync() =>
        _server = await RunningServer.StartAsync($"--Packs:Root={Path.Combine(RepositoryPaths.Root, "tests", "Scrubber.Server.Tests", "Packs")}", "--Packs:Watch=false");

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A claim of <paramref name="codes"/> to the test pack's payer, lines pointing to the claim's first diagnosis.</summary>
    private static Claim ClaimOf(string date, params string[] codes)
    {
        var claim = ProtoClaims.Of(date, codes).ForPayer(Payer);
        foreach (var line in claim.Lines)
        {
            line.DiagnosisCodes.Clear();
            line.DiagnosisPointers.Add(1);
        }

        claim.DiagnosisCodes.Add("Z0000");
        return claim;
    }

    private async Task<List<(string Rule, string Line)>> Fired(Claim claim)
    {
        var response = await Server.Scrubber.ScrubClaimAsync(claim.Request());
        return [.. response.Edits.Where(e => e.Rule.Length > 0).Select(e => (e.Rule, e.LineId)).Order()];
    }

    [Fact]
    public async Task ScrubClaim_EveryContextField_ReachesTheRuleThatReadsIt()
    {
        var claim = ClaimOf(Day, "99387", "G0101", "99221", "99222", "90832", "90834", "72148", "90837", "90839", "90791");
        claim.PatientBirthDate = "1950-01-01";
        claim.PatientSex = PatientSex.Male;
        claim.PlaceOfService = "11";
        claim.DiagnosisCodes.Clear();
        claim.DiagnosisCodes.Add(["F331", "F411"]);
        claim.RenderingProviderTaxonomy = "207Q00000X";
        claim.Lines[5].DiagnosisPointers[0] = 2;
        (claim.Lines[8].RenderingProviderNpi, claim.Lines[9].RenderingProviderNpi) = (ClinicianA, ClinicianB);

        Assert.Equal(
        [
            ("claim-place-of-service-office", "L3"), ("claim-taxonomy-family-medicine", "L8"), ("line-diagnoses-anxiety", "L6"),
            ("line-diagnosis-codes-anxiety", "L6"), ("line-place-of-service-office", "L4"), ("line-taxonomy-family-medicine", "L8"),
            ("no-prior-authorization", "L7"), ("other-provider-same-day", "L9"), ("patient-age-65-or-over", "L1"),
            ("patient-sex-male", "L2"), ("primary-diagnosis-depression", "L5"),
        ], await Fired(claim));
    }

    [Fact]
    public async Task ScrubClaim_ContextThatDoesNotMatch_LeavesTheRulesQuiet()
    {
        var claim = ClaimOf(Day, "99387", "G0101", "99221", "99222", "90832", "90834", "72148", "90837", "90839", "90791");
        claim.PatientBirthDate = "1961-07-15";
        claim.PatientSex = PatientSex.Female;
        claim.PlaceOfService = "21";
        claim.PriorAuthorization = "PA-2026-77";
        claim.RenderingProviderTaxonomy = "207Q00000X";
        claim.Lines[3].PlaceOfService = "11";
        claim.Lines[7].RenderingProviderTaxonomy = "103T00000X";
        claim.Lines[5].DiagnosisPointers.Clear();
        claim.Lines[5].DiagnosisCodes.Add("F41.9");
        (claim.Lines[8].RenderingProviderNpi, claim.Lines[9].RenderingProviderNpi) = (ClinicianA, ClinicianA);

        // Age 64 the day before the birthday; POS 21 on the claim, 11 on one line; the anxiety code is another; the
        // claim's taxonomy, overridden on its line; the evaluation by the same clinician.
        Assert.Equal([("claim-taxonomy-family-medicine", "L8"), ("line-place-of-service-office", "L4")], await Fired(claim));
    }

    [Fact]
    public async Task ScrubClaim_WithoutABirthDate_TheAgeIsUnknown()
    {
        var claim = ClaimOf(Day, "99386", "99387");

        Assert.Equal([("patient-age-unknown", "L1")], await Fired(claim));
    }

    [Fact]
    public async Task TimesBilled_CountsALineSentMonthsBefore_NotADraftNorAnotherPatientsNorOneOverTheDays()
    {
        var sent = ClaimOf("2025-09-01", "G0439");
        await SentClaims.ScrubAndConfirm(Server, sent);
        var draft = ClaimOf("2025-10-01", "G0439");
        await Server.Scrubber.ScrubClaimAsync(draft.Request());

        Assert.Equal([("times-billed-in-a-year", "L1")], await Fired(ClaimOf(Day, "G0439").ForPatient(sent.PatientId)));
        Assert.Empty(await Fired(ClaimOf(Day, "G0439").ForPatient(draft.PatientId)));
        Assert.Empty(await Fired(ClaimOf(Day, "G0439")));
        Assert.Empty(await Fired(ClaimOf("2026-09-02", "G0439").ForPatient(sent.PatientId)));
    }

    [Fact]
    public async Task UnitsBilledOn_AddsTheUnitsOfEveryClaimSentForThatDay()
    {
        var first = ClaimOf(Day, "97110");
        first.Lines[0].Units = 2;
        await SentClaims.ScrubAndConfirm(Server, first);
        var next = ClaimOf(Day, "97110").ForPatient(first.PatientId);
        Assert.Empty(await Fired(next));

        next.Lines[0].Units = 2;
        await SentClaims.ScrubAndConfirm(Server, next);

        Assert.Equal([("units-billed-today", "L1")], await Fired(ClaimOf(Day, "97110").ForPatient(first.PatientId)));
        Assert.Empty(await Fired(ClaimOf("2026-07-15", "97110").ForPatient(first.PatientId)));
    }

    [Fact]
    public async Task LastBilled_IsTheLatestSentDateOfTheCodes()
    {
        var december = ClaimOf("2025-12-15", "G0438");
        await SentClaims.ScrubAndConfirm(Server, december);
        Assert.Empty(await Fired(ClaimOf(Day, "G0438").ForPatient(december.PatientId)));

        await SentClaims.ScrubAndConfirm(Server, ClaimOf("2026-02-01", "G0439").ForPatient(december.PatientId));

        Assert.Equal([("last-billed-this-year", "L1")], await Fired(ClaimOf(Day, "G0438").ForPatient(december.PatientId)));
    }

    [Fact]
    public async Task HistoryHelpers_ReadAYearBack_AndNothingBeforeIt()
    {
        // The history read for a pack that uses the helpers starts 366 days before the claim's earliest date.
        var old = ClaimOf("2025-06-09", "G0402");
        await SentClaims.ScrubAndConfirm(Server, old);
        Assert.Empty(await Fired(ClaimOf(Day, "G0402").ForPatient(old.PatientId)));

        await SentClaims.ScrubAndConfirm(Server, ClaimOf("2025-07-13", "G0402").ForPatient(old.PatientId));

        Assert.Equal([("last-billed-ever", "L1")], await Fired(ClaimOf(Day, "G0402").ForPatient(old.PatientId)));
    }
}
