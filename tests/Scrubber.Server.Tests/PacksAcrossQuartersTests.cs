using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Scrubber.Generators;
using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>Packs that survive a new quarter: examples declare the NCCI rows they assume and are proved against those
/// alone, so the shipped packs stay live on a full-size generated table; a pack whose examples fail on a live load
/// keeps its previous version, logged at error level, shown in the status and counted.</summary>
public sealed class PacksAcrossQuartersTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task FullSizeGeneratedTable_KeepsEveryShippedPackLive()
    {
        var tables = _temp.File("full");
        PtpTableGenerator.Write(tables, new PtpGeneratorSettings());
        await using var server = await RunningServer.StartAsync($"--Ncci:Practitioner:0={tables}");

        var status = await server.Admin.GetStatusAsync(new GetStatusRequest());

        Assert.Equal(PtpGeneratorSettings.FullPractitionerRows, Assert.Single(status.NcciTables, t => t.Version == "ccipra-v322r0").Rows);
        Assert.Empty(status.PackRejections);
        Assert.Equal(["acme-commercial", "brightpath-health", "mindwell-behavioral"], status.Packs.Select(p => p.Id).Order(StringComparer.Ordinal));

        // Live is not enough: each pack's own rules still fire on that table, the README's Acme sample claim included.
        var sample = JsonParser.Default.Parse<Claim>(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tools", "samples", "claims", "acme-ecg-with-visit.json")));
        var acme = await server.Scrubber.ScrubClaimAsync(sample.Request());
        var mindwell = await server.Scrubber.ScrubClaimAsync(ProtoClaims.Of("2026-07-06", "90837", "90847").ForPayer("MINDWELL").Request());
        var brightpath = await server.Scrubber.ScrubClaimAsync(ProtoClaims.Of("2026-07-15", "99213", "99050").ForPayer("BRIGHT01").Request());
        Assert.Contains(acme.Edits, e => e.Rule == "ecg-with-office-visit-needs-25" && e.LineId == "2");
        Assert.Contains(mindwell.Edits, e => e.Rule == "family-psychotherapy-same-day-as-individual" && e.LineId == "L2");
        Assert.Contains(brightpath.Edits, e => e.Rule == "after-hours-never-paid" && e.LineId == "L2");
    }

    [Fact]
    public async Task ExampleFailingOnALiveLoad_KeepsThePreviousVersion_LoggedAtErrorShownAndCounted()
    {
        var packs = _temp.File("packs");
        Directory.CreateDirectory(packs);
        PackFiles.CopyAllSamples(packs);
        var rejected = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "scrubber.packs.rejected")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "pack")
                {
                    lock (rejected)
                    {
                        rejected.Add((string)tag.Value!);
                    }
                }
            }
        });
        listener.Start();
        await using var server = await RunningServer.StartAsync($"--Packs:Root={packs}", "--Packs:Watch=false");
        var live = (await server.Admin.GetStatusAsync(new GetStatusRequest())).Packs.Single(p => p.Id == "acme-commercial").Version;

        // The example now declares a row with indicator 0, which no modifier bypasses: the pack's policy edit cannot appear.
        var example = Path.Combine(packs, "acme-commercial", "examples", "59-where-x-fits.json");
        var document = JsonNode.Parse(File.ReadAllText(example))!;
        document["assumes"]![0]!["indicator"] = 0;
        File.WriteAllText(example, document.ToJsonString());
        await server.Admin.ReloadPacksAsync(new ReloadPacksRequest());

        var status = await server.Admin.GetStatusAsync(new GetStatusRequest());
        Assert.Equal(live, status.Packs.Single(p => p.Id == "acme-commercial").Version);
        var rejection = Assert.Single(status.PackRejections);
        Assert.Contains(rejection.Errors, e => e.Contains("expected type PAYER_PREFERS_X_MODIFIER on line 2 (Warning) but the pack did not raise it", StringComparison.Ordinal));
        Assert.Contains(server.Logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal) && l.Contains("Pack acme-commercial rejected", StringComparison.Ordinal));
        lock (rejected)
        {
            Assert.Contains("acme-commercial", rejected);
        }

        var claim = ProtoClaims.Of("2026-07-20", "0001U", "0030U-59");
        claim.PayerId = "ACME01";
        Assert.Contains((await server.Scrubber.ScrubClaimAsync(claim.Request())).Edits, e => e.EditType == "PAYER_PREFERS_X_MODIFIER");
    }
}
