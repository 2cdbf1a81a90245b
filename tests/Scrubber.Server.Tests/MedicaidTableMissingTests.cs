using System.Text.Json;
using System.Text.Json.Nodes;
using Grpc.Core;
using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>A Medicaid pack without its Medicaid table: refused when it loads, naming the setting, while the service
/// and the other packs run on; and a table reload that would take the table from a live Medicaid pack is refused whole.</summary>
public sealed class MedicaidTableMissingTests : IDisposable
{
    private const string Setting = "Ncci:MedicaidPractitioner";
    private const string Missing = "the pack edits with the Medicaid practitioner PTP table (Ncci:MedicaidPractitioner), and none is loaded";
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Start_WithoutTheMedicaidPractitionerTable_RefusesTheMedicaidPackNamingTheSetting()
    {
        WriteSettings(medicaidPractitioner: null);
        await using var server = await RunningServer.StartWithoutDefaultsAsync([Setting], $"--contentRoot={_root.Path}");

        var status = await server.Admin.GetStatusAsync(new GetStatusRequest());

        Assert.DoesNotContain(status.NcciTables, t => t.Table == "medicaid_practitioner");
        var rejection = Assert.Single(status.PackRejections);
        Assert.Equal("brightpath-health", rejection.PackId);
        Assert.EndsWith(Missing, Assert.Single(rejection.Errors), StringComparison.Ordinal);
        Assert.Equal(["acme-commercial", "mindwell-behavioral"], status.Packs.Select(p => p.Id));
        Assert.Contains(server.Logs.Lines, l => l.Contains("Pack brightpath-health rejected", StringComparison.Ordinal) && l.Contains(Setting, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReloadTables_SettingsThatTakeTheTableOfALiveMedicaidPack_AreRefusedNamingPackAndSetting()
    {
        WriteSettings(medicaidPractitioner: RepositoryPaths.MedicaidPractitionerSample);
        await using var server = await RunningServer.StartWithoutDefaultsAsync([Setting], $"--contentRoot={_root.Path}");
        Assert.Contains((await server.Admin.GetStatusAsync(new GetStatusRequest())).Packs, p => p.Id == "brightpath-health");

        WriteSettings(medicaidPractitioner: null);
        var ex = await RefusedReload(server);

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains($"pack 'brightpath-health' is live, and with these settings {Missing}", ex.Status.Detail, StringComparison.Ordinal);
        var status = await server.Admin.GetStatusAsync(new GetStatusRequest());
        Assert.Contains(status.NcciTables, t => t.Table == "medicaid_practitioner");
        Assert.Contains("brightpath-health", status.NcciRejection, StringComparison.Ordinal);
        var response = await server.Scrubber.ScrubClaimAsync(ProtoClaims.Of("2026-07-20", "90460", "90471").ForPayer("BRIGHT01").Request());
        Assert.Equal("mcd-ptp-pra-v2026q3r0", Assert.Single(response.Edits, e => e.EditType == "NCCI_PTP").TableVersion);
    }

    /// <summary>Reloads until the host has re-read the changed settings file and refuses them.</summary>
    private static async Task<RpcException> RefusedReload(RunningServer server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                await server.Admin.ReloadTablesAsync(new ReloadTablesRequest());
            }
            catch (RpcException ex)
            {
                return ex;
            }

            Assert.True(DateTime.UtcNow < deadline, "The reload was never refused; the settings file change was not seen.");
            await Task.Delay(100);
        }
    }

    /// <summary>The shipped settings with the Medicaid practitioner table at <paramref name="medicaidPractitioner"/>, or
    /// without one, as the host's settings file (replaced whole, as an editor that saves by renaming does).</summary>
    private void WriteSettings(string? medicaidPractitioner)
    {
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")))!.AsObject();
        var ncci = settings["Ncci"]!.AsObject();
        ncci.Remove("MedicaidPractitioner");
        if (medicaidPractitioner is not null)
        {
            ncci["MedicaidPractitioner"] = new JsonArray(JsonValue.Create(medicaidPractitioner));
        }

        var temporary = _root.File("appsettings.json.tmp");
        File.WriteAllText(temporary, settings.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, _root.File("appsettings.json"), overwrite: true);
    }
}
