using System.Globalization;
using Grpc.Core;
using Scrubber.Core.Ncci;
using Scrubber.Server.Ncci;
using Proto = Scrubber.V1;

namespace Scrubber.Server.Grpc;

/// <summary>The Admin gRPC service: what tables the service is running on.</summary>
internal sealed class AdminService(LiveNcciTables live) : Proto.Admin.AdminBase
{
    public override Task<Proto.GetStatusResponse> GetStatus(Proto.GetStatusRequest request, ServerCallContext context)
    {
        var response = new Proto.GetStatusResponse();
        if (live.Current is { } snapshot)
        {
            response.LoadedAt = snapshot.LoadedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            foreach (var release in snapshot.AllReleases)
            {
                response.NcciTables.Add(ToStatus(release.Info));
            }
        }

        return Task.FromResult(response);
    }

    private static Proto.NcciTableStatus ToStatus(NcciTableInfo info)
    {
        var status = new Proto.NcciTableStatus
        {
            Table = info.Kind == NcciTableKind.Practitioner ? "practitioner" : "outpatient_hospital",
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
}
