using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>Global surgery periods through the real host on the bundled fee schedule sample (in force from 2026-07-01:
/// 27447 090 days, 10060 010, 11042 and 20610 000, 17999 YYY, 59400 MMM, 99213 XXX): visits and procedures inside a
/// period of a surgery on the claim or already sent, with and without their modifiers, and the modifiers with no
/// surgery to give them meaning.</summary>
public sealed class GlobalSurgeryEndToEndTests : IAsyncLifetime
{
    private const string Surgery = "2026-07-10";
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task OfficeVisit30DaysAfterAKneeReplacementSent_WithoutAModifier_IsAHardStopNamingTheSurgery()
    {
        var knee = (await SentClaims.ScrubAndConfirm(Server, ProtoClaims.Of(Surgery, "27447"))).Claim;

        var response = await Scrub(ProtoClaims.Of("2026-08-09", "99213").ForPatient(knee.PatientId));

        Assert.Equal(Disposition.HardStop, response.Disposition);
        var edit = Assert.Single(response.Edits);
        Assert.Equal(("GLOBAL_PERIOD", Severity.HardStop, "L1", "L1", knee.ClaimId), (edit.EditType, edit.Severity, edit.LineId, edit.RelatedLineId, edit.RelatedClaimId));
        Assert.Equal(("27447", "99213", RecommendedAction.AddModifier), (edit.Column1Code, edit.Column2Code, edit.RecommendedAction));
        Assert.Equal(("24", "L1"), (Assert.Single(edit.SuggestedModifiers).Modifier, edit.SuggestedModifiers[0].LineId));
        Assert.Contains($"99213 on line L1 (2026-08-09) is 30 days after 27447 (line L1 of claim {knee.ClaimId}, already sent, on 2026-07-10), " +
            "inside its 090-day global period (2026-07-09 to 2026-10-08), by the same physician.", edit.Message, StringComparison.Ordinal);
        Assert.Contains("add 24", edit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficeVisitAfterTheKneeReplacement_With24_IsClean_AndAfterThePeriodNeedsNothing()
    {
        var knee = (await SentClaims.ScrubAndConfirm(Server, ProtoClaims.Of(Surgery, "27447"))).Claim;

        Assert.Empty((await Scrub(ProtoClaims.Of("2026-08-09", "99213-24").ForPatient(knee.PatientId))).Edits);
        // 25 is for a visit on the day of a procedure: in the postoperative days it takes nothing out of the package.
        Assert.Equal("24", Assert.Single(Assert.Single((await Scrub(ProtoClaims.Of("2026-08-09", "99213-25").ForPatient(knee.PatientId))).Edits).SuggestedModifiers).Modifier);
        Assert.Empty((await Scrub(ProtoClaims.Of("2026-10-09", "99213").ForPatient(knee.PatientId))).Edits);
        Assert.Equal("GLOBAL_PERIOD", Assert.Single((await Scrub(ProtoClaims.Of("2026-10-08", "99213").ForPatient(knee.PatientId))).Edits).EditType);
    }

    [Fact]
    public async Task SurgeryByAnotherPhysician_StartsNoPeriodForThisOne()
    {
        var knee = ProtoClaims.Of(Surgery, "27447");
        knee.Lines[0].RenderingProviderNpi = "1245319599";
        await SentClaims.ScrubAndConfirm(Server, knee);

        var visit = ProtoClaims.Of("2026-08-09", "99213").ForPatient(knee.PatientId);
        visit.Lines[0].RenderingProviderNpi = "1003000126";

        Assert.Empty((await Scrub(visit)).Edits);
    }

    [Fact]
    public async Task VisitOnTheDayOfAMinorProcedure_Needs25()
    {
        var without = await Scrub(ProtoClaims.Of(Surgery, "11042", "99213"));
        var with = await Scrub(ProtoClaims.Of(Surgery, "11042", "99213-25"));

        var edit = Assert.Single(without.Edits);
        Assert.Equal(("GLOBAL_PERIOD", "L2", "L1", ""), (edit.EditType, edit.LineId, edit.RelatedLineId, edit.RelatedClaimId));
        Assert.Equal("25", Assert.Single(edit.SuggestedModifiers).Modifier);
        Assert.Contains("is on the day of 11042 (line L1, on 2026-07-10), inside its 000-day global period (2026-07-10 to 2026-07-10)", edit.Message, StringComparison.Ordinal);
        Assert.Empty(with.Edits);
    }

    [Fact]
    public async Task VisitTheDayBeforeMajorSurgery_Needs57_WhichTheNextDaysSurgeryGivesItsContext()
    {
        var claim = ProtoClaims.Of("2026-07-09", "99213", "27447");
        claim.Lines[1].ServiceDate = Surgery;
        var marked = ProtoClaims.Of("2026-07-09", "99213-57", "27447");
        marked.Lines[1].ServiceDate = Surgery;

        var edit = Assert.Single((await Scrub(claim)).Edits);

        Assert.Equal(("GLOBAL_PERIOD", "L1", "L2"), (edit.EditType, edit.LineId, edit.RelatedLineId));
        Assert.Equal("57", Assert.Single(edit.SuggestedModifiers).Modifier);
        Assert.Contains("is the day before 27447 (line L2, on 2026-07-10), inside its 090-day global period (2026-07-09 to 2026-10-08)", edit.Message, StringComparison.Ordinal);
        Assert.Empty((await Scrub(marked)).Edits);
    }

    [Fact]
    public async Task VisitFiveDaysAfterATenDayProcedureSent_Needs24()
    {
        var excision = (await SentClaims.ScrubAndConfirm(Server, ProtoClaims.Of(Surgery, "10060"))).Claim;

        var edit = Assert.Single((await Scrub(ProtoClaims.Of("2026-07-15", "99213").ForPatient(excision.PatientId))).Edits);

        Assert.Equal(("GLOBAL_PERIOD", "24", excision.ClaimId), (edit.EditType, Assert.Single(edit.SuggestedModifiers).Modifier, edit.RelatedClaimId));
        Assert.Empty((await Scrub(ProtoClaims.Of("2026-07-21", "99213").ForPatient(excision.PatientId))).Edits);
    }

    [Fact]
    public async Task ProcedureInsideTheKneePeriod_SameSection_Leads58_OtherSection_Leads79_AndAModifierClearsIt()
    {
        var knee = (await SentClaims.ScrubAndConfirm(Server, ProtoClaims.Of(Surgery, "27447"))).Claim;

        var injection = Assert.Single((await Scrub(ProtoClaims.Of("2026-07-30", "20610").ForPatient(knee.PatientId))).Edits);
        var debridement = Assert.Single((await Scrub(ProtoClaims.Of("2026-07-30", "11042").ForPatient(knee.PatientId))).Edits);

        Assert.Equal(("GLOBAL_PERIOD", Severity.HardStop), (injection.EditType, injection.Severity));
        Assert.Equal(["58", "78", "79"], injection.SuggestedModifiers.Select(s => s.Modifier));
        Assert.Contains("same surgical section", injection.Message, StringComparison.Ordinal);
        Assert.Equal(["79", "58", "78"], debridement.SuggestedModifiers.Select(s => s.Modifier));
        Assert.Contains("different surgical sections", debridement.Message, StringComparison.Ordinal);
        foreach (var modifier in (string[])["58", "78", "79"])
        {
            Assert.Empty((await Scrub(ProtoClaims.Of("2026-07-30", $"20610-{modifier}").ForPatient(knee.PatientId))).Edits);
        }
    }

    [Fact]
    public async Task ReturnToTheOperatingRoom_78_StartsNoNewPeriod_While79Does()
    {
        var knee = (await SentClaims.ScrubAndConfirm(Server, ProtoClaims.Of(Surgery, "27447"))).Claim;
        await SentClaims.ScrubAndConfirm(Server, ProtoClaims.Of("2026-07-20", "11042-78").ForPatient(knee.PatientId));
        var other = (await SentClaims.ScrubAndConfirm(Server, ProtoClaims.Of(Surgery, "10060"))).Claim;
        var unrelated = (await SentClaims.ScrubAndConfirm(Server, ProtoClaims.Of("2026-07-14", "27447-79").ForPatient(other.PatientId))).Claim;

        // 78 on the debridement: the visit after it is still in the knee's period, not a new one of its own.
        var afterReturn = Assert.Single((await Scrub(ProtoClaims.Of("2026-07-21", "99213").ForPatient(knee.PatientId))).Edits);
        // 79 on the knee replacement started its own 090-day period, so a visit 60 days later, long after the 010-day
        // period it was performed in, is inside the knee's.
        var afterUnrelated = Assert.Single((await Scrub(ProtoClaims.Of("2026-09-12", "99213").ForPatient(other.PatientId))).Edits);

        Assert.Equal(("27447", knee.ClaimId), (afterReturn.Column1Code, afterReturn.RelatedClaimId));
        Assert.Equal(("27447", unrelated.ClaimId), (afterUnrelated.Column1Code, afterUnrelated.RelatedClaimId));
        Assert.Contains("on 2026-07-14), inside its 090-day global period (2026-07-13 to 2026-10-12)", afterUnrelated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaternityAddOnAndNoGlobalCodes_StartNoPeriod()
    {
        var sent = (await SentClaims.ScrubAndConfirm(Server, ProtoClaims.Of(Surgery, "59400", "11045", "93000"))).Claim;

        Assert.Empty((await Scrub(ProtoClaims.Of("2026-07-12", "99213").ForPatient(sent.PatientId))).Edits);
    }

    [Theory]
    [InlineData("99213-24", "24")]
    [InlineData("20610-58", "58")]
    [InlineData("20610-78", "78")]
    [InlineData("20610-79", "79")]
    public async Task PostoperativeModifier_WithNoPeriodInForce_IsAWarningToReview(string line, string modifier)
    {
        var response = await Scrub(ProtoClaims.Of(Surgery, line));

        Assert.Equal(Disposition.Warnings, response.Disposition);
        var edit = Assert.Single(response.Edits);
        Assert.Equal(("MODIFIER_WITHOUT_CONTEXT", Severity.Warning, RecommendedAction.Review, "L1"), (edit.EditType, edit.Severity, edit.RecommendedAction, edit.LineId));
        Assert.StartsWith($"{modifier} on line L1", edit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecisionForSurgery57_WithAVaccineAdministrationAndNoMajorSurgery_IsAWarningToReview()
    {
        var response = await Scrub(ProtoClaims.Of(Surgery, "99213-57", "90471", "90686"));

        var edit = Assert.Single(response.Edits, e => e.EditType == "MODIFIER_WITHOUT_CONTEXT");
        Assert.Equal(("L1", Severity.Warning, RecommendedAction.Review), (edit.LineId, edit.Severity, edit.RecommendedAction));
        Assert.Contains("no 090-day procedure", edit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecisionForSurgery57_WithAMinorProcedureThatDay_SaysTheVisitTakes25()
    {
        var edit = Assert.Single((await Scrub(ProtoClaims.Of(Surgery, "11042", "99213-57"))).Edits, e => e.EditType == "MODIFIER_WITHOUT_CONTEXT");

        Assert.Contains("takes 25, not 57", edit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PayerPack_SetsTheSeverity_AndAPeriodForACarrierPricedCode()
    {
        var acme = (await SentClaims.ScrubAndConfirm(Server, ProtoClaims.Of(Surgery, "17999").ForPayer("ACME01"))).Claim;
        var medicare = (await SentClaims.ScrubAndConfirm(Server, ProtoClaims.Of(Surgery, "17999"))).Claim;

        var underAcme = await Scrub(ProtoClaims.Of("2026-08-09", "99213").ForPatient(acme.PatientId).ForPayer("ACME01"));
        var underMedicare = await Scrub(ProtoClaims.Of("2026-08-09", "99213").ForPatient(medicare.PatientId));

        var edit = Assert.Single(underAcme.Edits);
        Assert.Equal(("GLOBAL_PERIOD", Severity.Warning, Disposition.Warnings), (edit.EditType, edit.Severity, underAcme.Disposition));
        Assert.Contains("after 17999 (line L1 of claim", edit.Message, StringComparison.Ordinal);
        Assert.Contains("inside its 090-day global period", edit.Message, StringComparison.Ordinal);
        // Without a pack that gives the YYY code a period, there is none to be inside.
        Assert.Empty(underMedicare.Edits);
    }

    [Fact]
    public async Task OutpatientHospitalClaim_GetsNoGlobalSurgeryEdits()
    {
        var claim = ProtoClaims.Of(Surgery, "11042", "99213");
        claim.Setting = Setting.OutpatientHospital;

        Assert.DoesNotContain((await Scrub(claim)).Edits, e => e.EditType is "GLOBAL_PERIOD" or "MODIFIER_WITHOUT_CONTEXT");
    }

    private async Task<ScrubClaimResponse> Scrub(Claim claim) => await Server.Scrubber.ScrubClaimAsync(claim.Request());
}

/// <summary><c>Scrub:GlobalScope=GroupSpecialty</c> through the real host: a partner of the surgeon's group, of the same
/// specialty (rendering provider taxonomy), is the surgeon for the period; of another specialty, not.</summary>
public sealed class GlobalScopeGroupSpecialtyEndToEndTests : IAsyncLifetime
{
    private const string Orthopaedics = "207X00000X";
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync("--Scrub:GlobalScope=GroupSpecialty");

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Theory]
    [InlineData(Orthopaedics, true)]
    [InlineData("207Q00000X", false)]
    public async Task VisitByAPartnerOfTheSurgeonsGroup_IsInThePeriodOnlyInTheSameSpecialty(string partnerTaxonomy, bool edited)
    {
        var knee = ProtoClaims.Of("2026-07-10", "27447");
        knee.Lines[0].RenderingProviderNpi = "1245319599";
        knee.RenderingProviderTaxonomy = Orthopaedics;
        await SentClaims.ScrubAndConfirm(Server, knee);
        var visit = ProtoClaims.Of("2026-08-09", "99213").ForPatient(knee.PatientId);
        visit.Lines[0].RenderingProviderNpi = "1003000126";
        visit.Lines[0].RenderingProviderTaxonomy = partnerTaxonomy;

        var response = await Server.Scrubber.ScrubClaimAsync(visit.Request());

        Assert.Equal(edited, response.Edits.Any(e => e.EditType == "GLOBAL_PERIOD" && e.RelatedClaimId == knee.ClaimId));
    }
}
