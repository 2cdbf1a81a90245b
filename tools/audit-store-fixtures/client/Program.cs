// audit-store-fixture-client: the Outcomes calls that scrubctl has no command for, used by
// tools/make-audit-store-fixtures.sh to fill an audit store through a running service.
//
//   audit-store-fixture-client confirm <scrub-id>
//   audit-store-fixture-client resolve <claim-id> <line-id> <corrected_claim_sent|appealed|recovered|written_off> <YYYY-MM-DD> <amount|-> <note>
//
// The service address is $SCRUBBER_SERVER (default http://127.0.0.1:5080), the key $SCRUBBER_API_KEY (default the
// development key). Prints the answer as protobuf JSON; exits 1 on an RPC error, 2 on a wrong command line.
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Scrubber.V1;

var address = Environment.GetEnvironmentVariable("SCRUBBER_SERVER") ?? "http://127.0.0.1:5080";
var key = Environment.GetEnvironmentVariable("SCRUBBER_API_KEY") ?? "scr_dev_loopback_only_not_a_secret";
var headers = new Metadata { { "authorization", "Bearer " + key } };

using var channel = GrpcChannel.ForAddress(address);
var outcomes = new Outcomes.OutcomesClient(channel);

try
{
    IMessage answer;
    switch (args)
    {
        case ["confirm", var scrubId]:
            answer = await outcomes.ConfirmSubmissionAsync(new ConfirmSubmissionRequest { ScrubId = scrubId }, headers);
            break;
        case ["resolve", var claimId, var lineId, var status, var date, var amount, var note]:
            answer = await outcomes.UpdateResolutionAsync(
                new UpdateResolutionRequest
                {
                    ClaimId = claimId,
                    LineId = lineId,
                    Status = status switch
                    {
                        "corrected_claim_sent" => ResolutionStatus.CorrectedClaimSent,
                        "appealed" => ResolutionStatus.Appealed,
                        "recovered" => ResolutionStatus.Recovered,
                        "written_off" => ResolutionStatus.WrittenOff,
                        _ => throw new ArgumentException($"unknown resolution status '{status}'"),
                    },
                    Date = date,
                    Amount = amount == "-" ? string.Empty : amount,
                    Note = note,
                },
                headers);
            break;
        default:
            Console.Error.WriteLine("usage: audit-store-fixture-client confirm <scrub-id>");
            Console.Error.WriteLine("       audit-store-fixture-client resolve <claim-id> <line-id> <status> <YYYY-MM-DD> <amount|-> <note>");
            return 2;
    }

    Console.WriteLine(JsonFormatter.Default.Format(answer));
    return 0;
}
catch (RpcException ex)
{
    Console.Error.WriteLine($"{address} answered {ex.StatusCode}: {ex.Status.Detail}");
    return 1;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
