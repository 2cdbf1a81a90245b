using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Scrubber.Core.AddOnCodes;
using Scrubber.Core.Mue;
using Scrubber.Core.Ncci;
using Scrubber.Core.Packs;
using Scrubber.Core.Pfs;
using Scrubber.Server.Audit;
using Scrubber.Server.Diagnostics;
using Scrubber.Server.Ncci;
using Scrubber.Server.Packs;
using Scrubber.Server.Security;
using Proto = Scrubber.V1;

namespace Scrubber.Server.Grpc;

/// <summary>The Admin gRPC service: what tables, packs and store the service runs on, and explicit reloads.</summary>
internal sealed class AdminService(
    LiveNcciTables live, NcciTableLoader tableLoader, LivePacks packs, PackReloader reloader, AuditStoreHost audit, CallerDirectory callers, IConfiguration configuration,
    TimeProvider time, ILogger<AdminService> logger, Scrubber.Core.Scrubbing.ClaimScrubber scrubber)
    : Proto.Admin.AdminBase
{
    [Authorize(Scopes.Admin)]
    public override Task<Proto.GetStatusResponse> GetStatus(Proto.GetStatusRequest request, ServerCallContext context)
    {
        var response = new Proto.GetStatusResponse();
        if (live.Current is { } snapshot)
        {
            response.LoadedAt = Time(snapshot.LoadedAt);
            response.NcciTables.AddRange(snapshot.AllReleases.Select(r => ToStatus(r.Info)));
            response.MueTables.AddRange(snapshot.AllMueReleases.Select(r => ToStatus(r.Info)));
            response.AddOnTables.AddRange((snapshot.AddOnCodes?.Releases ?? []).Select(r => ToStatus(r.Info)));
            response.PfsTables.AddRange((snapshot.Pfs?.Releases ?? []).Select(r => ToStatus(r.Info)));
        }

        if (live.LastRejection is { } rejection)
        {
            response.NcciRejection = rejection.Reason;
            response.NcciRejectedAt = Time(rejection.At);
        }

        var set = packs.Current;
        response.PacksLoadedAt = packs.Loaded ? Time(set.LoadedAt) : string.Empty;
        response.Packs.AddRange(set.Packs.Select(ToStatus));
        response.PackRejections.AddRange(set.Rejections.Select(ToStatus));
        var counts = audit.Store.Counts();
        response.Store = new Proto.StoreCounts
        {
            Scrubs = counts.Scrubs,
            Claims = counts.Claims,
            ConfirmedClaims = counts.ConfirmedClaims,
            RemittanceFiles = counts.RemittanceFiles,
            RemittanceClaims = counts.RemittanceClaims,
            RemittanceLines = counts.RemittanceLines,
            Resolutions = counts.Resolutions,
        };
        return Task.FromResult(response);
    }

    [Authorize(Scopes.Admin)]
    public override async Task<Proto.ReloadPacksResponse> ReloadPacks(Proto.ReloadPacksRequest request, ServerCallContext context)
    {
        var result = await reloader.ReloadAsync(context.CancellationToken).ConfigureAwait(false);
        var response = new Proto.ReloadPacksResponse();
        response.Changes.AddRange(result.Changes);
        response.Packs.AddRange(result.Set.Packs.Select(ToStatus));
        response.PackRejections.AddRange(result.Set.Rejections.Select(ToStatus));
        return response;
    }

    [Authorize(Scopes.Admin)]
    public override async Task<Proto.ReloadTablesResponse> ReloadTables(Proto.ReloadTablesRequest request, ServerCallContext context)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var snapshot = await tableLoader.LoadAsync(context.CancellationToken).ConfigureAwait(false);

        var response = new Proto.ReloadTablesResponse
        {
            LoadedAt = Time(snapshot.LoadedAt),
            ElapsedMs = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds,
        };
        response.NcciTables.AddRange(snapshot.AllReleases.Select(r => ToStatus(r.Info)));
        response.MueTables.AddRange(snapshot.AllMueReleases.Select(r => ToStatus(r.Info)));
        response.AddOnTables.AddRange((snapshot.AddOnCodes?.Releases ?? []).Select(r => ToStatus(r.Info)));
        response.PfsTables.AddRange((snapshot.Pfs?.Releases ?? []).Select(r => ToStatus(r.Info)));
        return response;
    }

    [Authorize(Scopes.Admin)]
    public override Task<Proto.ReloadSecurityResponse> ReloadSecurity(Proto.ReloadSecurityRequest request, ServerCallContext context)
    {
        // Re-reading every source covers those that cannot signal a change (environment, files mounted without
        // events); the reload that follows sees them. The changes are counted from before both.
        var before = callers.Current;
        try
        {
            (configuration as IConfigurationRoot)?.Reload();
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions.All(e => e is OptionsValidationException))
        {
            // Another section's listener refused its new settings; the sources were read all the same, and the security
            // settings are judged on their own below.
        }

        var reload = callers.Reload();
        if (reload.Refused)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"The security settings were refused; the keys and certificates they still hold unchanged stay in force: {string.Join(" ", reload.Failures)}"));
        }

        var response = new Proto.ReloadSecurityResponse { LoadedAt = Time(reload.At) };
        response.Changes.AddRange(reload.Callers.ChangesFrom(before));
        response.ApiKeys.AddRange(reload.Callers.Keys.Select(c => c.Name));
        response.ClientCertificates.AddRange(reload.Callers.Certificates.Select(c => c.Name));
        return Task.FromResult(response);
    }

    [Authorize(Scopes.Admin)]
    public override async Task<Proto.PurgeAuditResponse> PurgeAudit(Proto.PurgeAuditRequest request, ServerCallContext context)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!DateOnly.TryParseExact(request.Before, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var before) || before > today)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"before: '{request.Before}' is not a day in the form YYYY-MM-DD on or before today ({today:yyyy-MM-dd})."));
        }

        Log.PurgeStarted(logger, before);
        var progress = new Progress<Scrubber.Audit.Retention.PurgeResult>(p => Log.PurgeProgress(logger, before, p.RemittanceClaims, p.Scrubs));
        var result = await audit.Store.PurgeAsync(before, progress, context.CancellationToken).ConfigureAwait(false);
        Log.PurgeEnded(logger, before, result.Scrubs, result.RemittanceClaims, result.RemittanceLines, result.DeniedLinesAggregated, result.AggregateRows);
        return new Proto.PurgeAuditResponse
        {
            Scrubs = result.Scrubs, RemittanceClaims = result.RemittanceClaims, RemittanceLines = result.RemittanceLines,
            DeniedLinesAggregated = result.DeniedLinesAggregated, AggregateRows = result.AggregateRows, PurgedAt = Time(time.GetUtcNow()),
        };
    }

    public override Task<Proto.PingResponse> Ping(Proto.PingRequest request, ServerCallContext context) => Task.FromResult(PingResponse);

    private static readonly Proto.PingResponse PingResponse = new();

    private static Proto.NcciTableStatus ToStatus(NcciTableInfo info)
    {
        var status = new Proto.NcciTableStatus
        {
            Table = ProgramPrefix(info.Program) + (info.Kind == NcciTableKind.Practitioner ? "practitioner" : "outpatient_hospital"),
            Version = info.TableVersion,
            Rows = info.Rows,
            Pairs = info.Pairs,
            MalformedRows = info.MalformedRows,
            AppliesFrom = info.AppliesFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        status.Parts.AddRange(info.Parts);
        status.Files.AddRange(info.Files);
        return status;
    }

    private static Proto.MueTableStatus ToStatus(MueTableInfo info)
    {
        var status = new Proto.MueTableStatus
        {
            Table = ProgramPrefix(info.Program) + MueFileName.TableName(info.Kind),
            Version = info.Version,
            AppliesFrom = info.AppliesFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Codes = info.Codes,
            NotPayable = info.NotPayable,
            LineEdits = info.ByIndicator[0],
            PolicyDateEdits = info.ByIndicator[1],
            ClinicalDateEdits = info.ByIndicator[2],
        };
        status.Files.AddRange(info.Files);
        return status;
    }

    private static Proto.AddOnCodeTableStatus ToStatus(AddOnCodeTableInfo info)
    {
        var status = new Proto.AddOnCodeTableStatus
        {
            Version = info.Version,
            AppliesFrom = info.AppliesFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Rows = info.Rows,
            AddOnCodes = info.AddOnCodes,
        };
        status.Files.AddRange(info.Files);
        return status;
    }

    private static Proto.PfsTableStatus ToStatus(PfsTableInfo info)
    {
        var status = new Proto.PfsTableStatus
        {
            Version = info.Version,
            AppliesFrom = info.AppliesFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Rows = info.Rows,
            Codes = info.Codes,
            Global000 = info.CodesWith(GlobalDays.Zero),
            Global010 = info.CodesWith(GlobalDays.Ten),
            Global090 = info.CodesWith(GlobalDays.Ninety),
            GlobalMmm = info.CodesWith(GlobalDays.Maternity),
            GlobalXxx = info.CodesWith(GlobalDays.NotApplicable),
            GlobalYyy = info.CodesWith(GlobalDays.CarrierSet),
            GlobalZzz = info.CodesWith(GlobalDays.WithinAnotherService),
        };
        status.Files.AddRange(info.Files);
        return status;
    }

    private Proto.PackStatus ToStatus(CompiledPack pack)
    {
        var (inProgress, waiting) = scrubber.Gate.Load(pack.Id);
        var status = new Proto.PackStatus
        {
            Id = pack.Id,
            Name = pack.Name,
            Version = pack.Version,
            NcciTable = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(pack.NcciTable.ToString()),
            NcciProgram = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(pack.NcciProgram.ToString()),
            Examples = pack.Examples.Length,
            EvaluationCost = pack.EvaluationCost,
            Costly = scrubber.Gate.IsCostly(pack),
            EvaluationsInProgress = inProgress,
            EvaluationsWaiting = waiting,
        };
        status.Payers.AddRange(pack.Payers);
        status.Rules.AddRange(pack.RuleNames);
        return status;
    }

    private static Proto.PackRejection ToStatus(PackRejection rejection)
    {
        var status = new Proto.PackRejection { PackId = rejection.PackId, Folder = rejection.Folder, At = Time(rejection.At) };
        status.Errors.AddRange(rejection.Errors.Select(e => e.ToString()));
        return status;
    }

    /// <summary>Medicaid tables are listed beside Medicare's, their table names prefixed (<c>medicaid_practitioner</c>).</summary>
    private static string ProgramPrefix(NcciProgram program) => program == NcciProgram.Medicaid ? "medicaid_" : string.Empty;

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
