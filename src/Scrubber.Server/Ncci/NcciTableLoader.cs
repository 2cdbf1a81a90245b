using System.Diagnostics;
using Microsoft.Extensions.Options;
using Scrubber.Core.AddOnCodes;
using Scrubber.Core.Mue;
using Scrubber.Core.Ncci;
using Scrubber.Core.Pfs;
using Scrubber.Server.Diagnostics;

namespace Scrubber.Server.Ncci;

/// <summary>Builds an NCCI snapshot from the configured files (Medicare's and Medicaid's) off to the side and publishes
/// it whole. Used at start and for each reload (a new quarter's files); one load runs at a time.</summary>
internal sealed class NcciTableLoader(
    IOptionsMonitor<NcciOptions> options,
    IOptionsMonitor<MueOptions> mueOptions,
    IOptionsMonitor<AddOnCodeOptions> addOnOptions,
    IOptionsMonitor<PfsOptions> pfsOptions,
    IHostEnvironment environment,
    LiveNcciTables live,
    Packs.LivePacks packs,
    TimeProvider time,
    ILogger<NcciTableLoader> logger) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Loads the files the settings name now (settings files are re-read when they change) and swaps them in.</summary>
    /// <exception cref="NcciLoadException">A file cannot be loaded; nothing was swapped and the rejection is recorded.</exception>
    public async Task<NcciSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(Load, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    private NcciSnapshot Load()
    {
        var started = Stopwatch.GetTimestamp();
        var settings = options.CurrentValue;
        var mue = mueOptions.CurrentValue;
        var addOns = addOnOptions.CurrentValue.Files;
        var pfs = pfsOptions.CurrentValue.Files;
        try
        {
            var report = new LoggingLoadReport(logger);
            var snapshot = new NcciSnapshot(
                LoadTable(NcciProgram.Medicare, NcciTableKind.Practitioner, settings.Practitioner, report),
                LoadTable(NcciProgram.Medicare, NcciTableKind.OutpatientHospital, settings.OutpatientHospital, report),
                time.GetUtcNow())
            {
                Mue = new MueTables(
                    LoadMue(NcciProgram.Medicare, MueTableKind.Practitioner, mue.Practitioner, report),
                    LoadMue(NcciProgram.Medicare, MueTableKind.OutpatientHospital, mue.OutpatientHospital, report),
                    LoadMue(NcciProgram.Medicare, MueTableKind.Dme, mue.Dme, report)),
                Medicaid = new MedicaidNcciTables(
                    LoadTable(NcciProgram.Medicaid, NcciTableKind.Practitioner, settings.MedicaidPractitioner, report),
                    LoadTable(NcciProgram.Medicaid, NcciTableKind.OutpatientHospital, settings.MedicaidOutpatientHospital, report),
                    new MueTables(
                        LoadMue(NcciProgram.Medicaid, MueTableKind.Practitioner, mue.MedicaidPractitioner, report),
                        LoadMue(NcciProgram.Medicaid, MueTableKind.OutpatientHospital, mue.MedicaidOutpatientHospital, report),
                        LoadMue(NcciProgram.Medicaid, MueTableKind.Dme, mue.MedicaidDme, report))),
                AddOnCodes = addOns.Count == 0
                    ? null
                    : AddOnCodeLoader.Load("AddOnCodes:Files", [.. addOns.Select(p => NcciOptionsValidator.Resolve(environment, p))], report),
                Pfs = pfs.Count == 0
                    ? null
                    : PfsLoader.Load("Pfs:Files", [.. pfs.Select(p => NcciOptionsValidator.Resolve(environment, p))], report),
            };
            if (snapshot.Practitioner is null && snapshot.OutpatientHospital is null)
            {
                throw new NcciLoadException("Ncci: no table is configured. Set Ncci:Practitioner and/or Ncci:OutpatientHospital.");
            }

            // A live pack keeps the table it edits with: a reload that drops it is refused whole, rather than leaving the
            // pack's payer with claims that cannot be scrubbed (the other program's table never stands in).
            foreach (var pack in packs.Current.Packs)
            {
                if (pack.MissingTable(snapshot) is { } missing)
                {
                    throw new NcciLoadException(
                        $"pack '{pack.Id}' is live, and with these settings {missing}; change or remove the pack (and reload packs) before removing its table.");
                }
            }

            foreach (var release in snapshot.AllReleases)
            {
                var info = release.Info;
                Log.NcciReleaseReady(logger, info.TableVersion, string.Join(",", info.Parts), info.Rows, info.Pairs,
                    info.MalformedRows, info.OverlappingWindows, release.IndexBytes);
            }

            foreach (var release in snapshot.AllMueReleases)
            {
                var info = release.Info;
                Log.MueReleaseReady(logger, info.Version, info.Codes, info.NotPayable, info.ByIndicator[0], info.ByIndicator[1], info.ByIndicator[2]);
            }

            foreach (var release in snapshot.AddOnCodes?.Releases ?? [])
            {
                var info = release.Info;
                Log.AddOnCodesReady(logger, info.Version, info.Rows, info.AddOnCodes, info.PrimaryCodes);
            }

            foreach (var release in snapshot.Pfs?.Releases ?? [])
            {
                var info = release.Info;
                Log.PfsReleaseReady(logger, info.Version, info.Rows, info.Codes, info.CodesWith(GlobalDays.Zero), info.CodesWith(GlobalDays.Ten),
                    info.CodesWith(GlobalDays.Ninety));
            }

            live.Publish(snapshot);
            Log.NcciSwapped(logger, string.Join(", ", snapshot.AllReleases.Select(r => r.Info.TableVersion).Concat(snapshot.AllMueReleases.Select(r => r.Info.Version))
                .Concat((snapshot.AddOnCodes?.Releases ?? []).Select(r => r.Info.Version))
                .Concat((snapshot.Pfs?.Releases ?? []).Select(r => r.Info.Version))),
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            _ = ReturnMemoryAsync();
            return snapshot;
        }
        catch (NcciLoadException ex)
        {
            live.Reject(new NcciRejection(ex.Message, time.GetUtcNow()));
            throw;
        }
    }

    /// <summary>Once calls in flight have let go of the previous snapshot, compacts the heap (large objects
    /// included) so its index and the loader's buffers go back to the system rather than staying committed. A
    /// deliberate pause of tens of milliseconds, once per load: a quarterly event.</summary>
    private static async Task ReturnMemoryAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private NcciTableSet? LoadTable(NcciProgram program, NcciTableKind kind, List<string> paths, INcciLoadReport report) =>
        paths.Count == 0
            ? null
            : NcciLoader.Load(program, kind, NcciSettingNames.Ptp(program, kind), [.. paths.Select(p => NcciOptionsValidator.Resolve(environment, p))], report);

    private MueTableSet? LoadMue(NcciProgram program, MueTableKind kind, List<string> paths, INcciLoadReport report) =>
        paths.Count == 0
            ? null
            : MueLoader.Load(program, kind, NcciSettingNames.Mue(program, kind), [.. paths.Select(p => NcciOptionsValidator.Resolve(environment, p))], report);

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

        public void LayoutFound(string file, string layout) => Log.NcciLayoutFound(logger, file, layout);
    }
}
