using System.Text.Json.Nodes;
using Scrubber.Core.Claims;
using Scrubber.Core.Packs;
using Scrubber.Core.Pfs;
using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Packs;

/// <summary>A pack's global surgery settings: <c>globalDays</c> for carrier-priced (YYY) codes and
/// <c>severity.globalPeriod</c>, checked when it loads.</summary>
public sealed class GlobalPeriodPackTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ShippedAcmePack_GivesItsUnlistedProcedureA90DayPeriod_AndWarnsOnGlobalPeriods()
    {
        var pack = PackLoader.Load(PackFiles.CopySample("acme-commercial", _temp.Path)).Pack!;

        var policy = pack.PolicyFor(new ScrubOptions());

        Assert.Equal(GlobalDays.Ninety, Assert.Single(policy.CarrierGlobalDays, p => p.Key == HcpcsCode.Parse("17999")).Value);
        Assert.Equal(Severity.Warning, policy.GlobalPeriodSeverity);
    }

    [Fact]
    public void NoPackSettings_IsAHardStopAndNoCarrierPeriods()
    {
        var policy = ScrubPolicy.FromOptions(new ScrubOptions());

        Assert.Equal(Severity.HardStop, policy.GlobalPeriodSeverity);
        Assert.Empty(policy.CarrierGlobalDays);
    }

    [Theory]
    [InlineData("17999", "XXX", "line 24: globalDays.17999: is not one of the allowed values")]
    [InlineData("17999", "90", "line 24: globalDays.17999: is not one of the allowed values")]
    [InlineData("1799", "090", "globalDays: '1799' is not a 5-character code")]
    public void Load_BadEntry_FailsNamingIt(string code, string days, string message)
    {
        var folder = PackFiles.CopySample("acme-commercial", _temp.Path);
        PackFiles.Edit(folder, pack => pack["globalDays"] = new JsonObject { [code] = days });

        var result = PackLoader.Load(folder);

        Assert.Null(result.Pack);
        Assert.Contains(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SameCodeInTwoCases_FailsAsGivenTwice()
    {
        var folder = PackFiles.CopySample("acme-commercial", _temp.Path);
        PackFiles.Edit(folder, pack => pack["globalDays"] = new JsonObject { ["0054T"] = "010", ["0054t"] = "090" });

        Assert.Contains(PackLoader.Load(folder).Errors, e => e.Message.Contains("globalDays: 0054T is given twice", StringComparison.Ordinal));
    }
}
