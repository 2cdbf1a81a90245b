using Microsoft.Extensions.Options;
using Scrubber.Core.Ncci;
using Scrubber.Server.Diagnostics;

namespace Scrubber.Server.Ncci;

/// <summary>Loads the NCCI tables in the background after start, so health can say NOT_SERVING while they load.
/// A table that cannot be loaded stops the service (exit code 1): it never serves an empty index.</summary>
internal sealed partial class NcciLoaderService(
    IOptions<NcciOptions> options,
    IHostEnvironment environment,
    LiveNcciTables live,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<NcciLoaderService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(Load, stoppingToken);

    private void Load()
    {
        try
        {
            var report = new LoggingLoadReport(logger);
            var practitioner = LoadTable(NcciTableKind.Practitioner, "Ncci:Practitioner", options.Value.Practitioner, report);
            var outpatient = LoadTable(NcciTableKind.OutpatientHospital, "Ncci:OutpatientHospital", options.Value.OutpatientHospital, report);
            var snapshot = new NcciSnapshot(practitioner, outpatient, time.GetUtcNow());
            foreach (var release in snapshot.AllReleases)
            {
                var info = release.Info;
                Log.NcciReleaseReady(logger, info.TableVersion, string.Join(",", info.Parts), info.Rows, info.Pairs,
                    info.MalformedRows, info.OverlappingWindows, release.IndexBytes);
            }

            live.Publish(snapshot);
        }
        catch (NcciLoadException ex)
        {
            Log.NcciLoadFailed(logger, ex.Message);
            live.Fail(ex.Message);
            lifetime.StopApplication();
        }
    }

    private NcciTableSet? LoadTable(NcciTableKind kind, string key, List<string> paths, INcciLoadReport report) =>
        paths.Count == 0
            ? null
            : NcciLoader.Load(kind, key, [.. paths.Select(p => NcciOptionsValidator.Resolve(environment, p))], report);

    /// <summary>Logs each file as it is read and the first few malformed rows of each load.</summary>
    private sealed class LoggingLoadReport(ILogger logger) : INcciLoadReport
    {
        private const int MalformedRowsLogged = 5;
        private int _malformed;

        public void MalformedRow(MalformedRow row)
        {
            if (Interlocked.Increment(ref _malformed) <= MalformedRowsLogged)
            {
                Log.NcciMalformedRow(logger, row.File, row.Line, row.Reason);
            }
        }

        public void FileRead(string file, long rows, long malformed, TimeSpan elapsed) =>
            Log.NcciFileRead(logger, file, rows, malformed, elapsed.TotalMilliseconds);
    }
}
