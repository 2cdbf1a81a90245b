using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Scrubber.Generators;
using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;
using FeedbackClient = Scrubber.V1.Feedback.FeedbackClient;
using OutcomesClient = Scrubber.V1.Outcomes.OutcomesClient;

namespace Scrubber.Server.Tests;

/// <summary>Patient identifiers and birth dates go in and never come out: not in any log line at the most verbose
/// level, not in any report, not in the bytes of the audit database or its write-ahead log.</summary>
public sealed class PatientDataTests : IDisposable
{
    /// <summary>Patients with identifiers and names no code, date or amount could contain by chance.</summary>
    private static readonly RemitPatient[] Patients =
    [
        new("QZWALLOWBY", "XAVERIA", "QZX7731PAT01"),
        new("QZPEMBERTOK", "YOLANDIX", "QZX7731PAT02"),
        new("QZGRUNDLEFF", "ZENOBIQ", "QZX7731PAT03"),
    ];

    /// <summary>Each patient's birth date, sent on every claim: dates no claim, scrub or report of these tests carries otherwise.</summary>
    private static readonly Dictionary<string, string> BirthDates = new()
    {
        ["QZX7731PAT01"] = "1937-11-23",
        ["QZX7731PAT02"] = "1942-04-09",
        ["QZX7731PAT03"] = "1929-08-30",
    };

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private string DatabasePath => _data.File("audit.db");

    [Fact]
    public async Task ScrubConfirmIngestReport_AtTraceLevel_NoPatientIdentifierOrBirthDateIsLoggedReportedOrStored()
    {
        var answers = new List<string>();
        await using (var server = await RunningServer.StartAsync(
            $"--Audit:Path={DatabasePath}", "--Logging:LogLevel:Default=Trace", "--Logging:LogLevel:Microsoft.AspNetCore=Trace", "--Logging:LogLevel:Grpc=Trace"))
        {
            var remits = new List<RemitClaimSpec>();
            foreach (var patient in Patients)
            {
                // Two claims a patient on one day: the second is paired with the first through the patient's history.
                var (first, _) = await SentClaims.ScrubAndConfirm(server, WithPatient(ProtoClaims.Of("2026-07-20", "0001U"), patient));
                var (second, response) = await SentClaims.ScrubAndConfirm(server, WithPatient(ProtoClaims.Of("2026-07-20", "0030U", "99213"), patient));
                answers.Add(response.ToString());
                remits.Add(RemitSpecs.Paid(first) with { Patient = patient });
                remits.Add(RemitSpecs.DeniedSecondLine(second, "ICN-" + second.ClaimId) with { Patient = patient });
            }

            var invalid = WithPatient(ProtoClaims.Of("2026-07-20", "0001U"), Patients[0]);
            invalid.Lines[0].ServiceDate = "not a date";
            var refused = await Assert.ThrowsAsync<RpcException>(() => server.Scrubber.ScrubClaimAsync(invalid.Request()).ResponseAsync);
            answers.Add(refused.Status.ToString());

            var remit = new Remittance835Writer(seed: 17).Write(remits, new DateOnly(2026, 8, 14));
            Assert.Contains($"NM1*QC*1*{Patients[0].LastName}*{Patients[0].FirstName}****MI*{Patients[0].MemberId}", remit, StringComparison.Ordinal);
            var ingested = await new OutcomesClient(server.Channel).IngestRemittanceAsync(new IngestRemittanceRequest { Content = ByteString.CopyFromUtf8(remit), FileName = "patients.835" });
            Assert.Equal((6, 3), (ingested.MatchedClaims, ingested.DeniedLines));
            answers.Add(ingested.ToString());
            answers.AddRange(await Reports(server));

            AssertNoPatientIn("the answers and reports", answers);
            AssertNoPatientIn("the log", server.Logs.Lines);
            Assert.Contains(server.Logs.Lines, l => l.StartsWith("Trace", StringComparison.Ordinal));
            AssertNoPatientInFiles("while the service runs");
            AssertOwnerOnly();
        }

        // Stopping checkpoints the write-ahead log into the database file.
        AssertNoPatientInFiles("after the service stopped");
    }

    private static Claim WithPatient(Claim claim, RemitPatient patient)
    {
        claim.PatientId = patient.MemberId;
        claim.PatientBirthDate = BirthDates[patient.MemberId];
        claim.PatientSex = PatientSex.Female;
        return claim;
    }

    /// <summary>What must never come out: the identifiers and names, and each birth date as the claim sent it, as an
    /// 837 writes it (CCYYMMDD), and as a US form writes it.</summary>
    private static IEnumerable<string> Secrets => Patients.SelectMany(p => new[] { p.MemberId, p.LastName, p.FirstName })
        .Concat(BirthDates.Values.SelectMany(d => new[] { d, d.Replace("-", string.Empty, StringComparison.Ordinal), $"{d[5..7]}/{d[8..]}/{d[..4]}" }));

    /// <summary>Every feedback report, unfiltered, as text.</summary>
    private static async Task<IEnumerable<string>> Reports(RunningServer server)
    {
        var feedback = new FeedbackClient(server.Channel);
        var all = new ReportRequest();
        return
        [
            (await feedback.OverriddenThenDeniedAsync(all)).ToString(),
            (await feedback.MissedAsync(all)).ToString(),
            (await feedback.WeeklyDashboardAsync(all)).ToString(),
            (await feedback.KpisAsync(all)).ToString(),
            (await feedback.PatternsAsync(all)).ToString(),
            (await feedback.ProposeRulesAsync(new ProposeRulesRequest { MinimumSupport = 1 })).ToString(),
        ];
    }

    private static void AssertNoPatientIn(string where, IEnumerable<string> texts)
    {
        var all = texts.ToList();
        Assert.NotEmpty(all);
        foreach (var secret in Secrets)
        {
            var found = all.FirstOrDefault(t => t.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.True(found is null, $"'{secret}' is in {where}: {found}");
        }
    }

    /// <summary>Searches the raw bytes of the database and its -wal file (UTF-8 and UTF-16, the encodings SQLite stores text in).</summary>
    private void AssertNoPatientInFiles(string when)
    {
        foreach (var path in new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists))
        {
            byte[] bytes;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }

            Assert.True(bytes.Length > 0, $"{path} is empty {when}");
            foreach (var secret in Secrets)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"'{secret}' is in the bytes of {path} {when}");
                Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) < 0, $"'{secret}' is in the bytes of {path} (UTF-16) {when}");
            }
        }
    }

    /// <summary>The database and the files SQLite makes beside it are readable by their owner only (the store-level
    /// test covers a new file; this covers the -wal and -shm the running host creates).</summary>
    private void AssertOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var files = new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" }.Where(File.Exists).ToList();
        Assert.Contains(DatabasePath + "-wal", files);
        Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
    }
}
