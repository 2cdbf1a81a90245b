using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using Scrubber.V1;

namespace Scrubber.Load;

/// <summary><c>scrubber-load h2load-body</c>: writes a gRPC request body for h2load, which then measures the service with
/// a client far cheaper than this tool (tools/h2load-run.sh).</summary>
internal sealed class H2LoadBodyCommand : Command
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    private readonly Option<string> _out = new("--out") { Description = "the body file to write", HelpName = "FILE", Required = true };
    private readonly Option<string?> _rpc = LoadOptions.OneOf("--rpc", "scrub (a ScrubClaimRequest, for scrubber.v1.ClaimScrubber/ScrubClaim) or ping (an empty PingRequest, for scrubber.v1.Admin/Ping)", "scrub", "scrub", "ping");
    private readonly Option<string?> _claim = new("--claim") { Description = "the claim to send, in protobuf JSON (scrubber.v1.Claim, as tools/samples/claims); default: six lines that hit PTP, MUE and pack edits of the bundled sample tables and packs", HelpName = "FILE" };
    private readonly Option<string?> _pairs = new("--pairs") { Description = "send the first claim 'run --pairs' would send instead: its codes pair under a generated table's active edits", HelpName = "FILE" };
    private readonly Option<string?> _payer = new("--payer") { Description = "with --pairs: the payer to send it for (its pack runs)", HelpName = "ID" };
    private readonly Option<int> _seed = LoadOptions.Count("--seed", "with --pairs: the claim generator's seed", 42);
    private readonly Option<int> _lines = LoadOptions.Count("--lines", "with --pairs: lines of the claim", 6);

    public H2LoadBodyCommand()
        : base("h2load-body", "Write one gRPC request (5-byte frame prefix and message) to a file, for h2load -d. The claim is sent without its patient id, so that sending it again and again pairs with no history.")
    {
        Option[] options = [_out, _rpc, _claim, _pairs, _payer, _seed, _lines];
        foreach (var option in options)
        {
            Options.Add(option);
        }

        Validators.Add(result =>
        {
            if (result.GetValue(_claim) is not null && result.GetValue(_pairs) is not null)
            {
                result.AddError("--claim and --pairs each pick the claim: give one of them.");
            }

            if (result.GetValue(_rpc) == "ping" && (result.GetValue(_claim) is not null || result.GetValue(_pairs) is not null))
            {
                result.AddError("--rpc ping sends an empty request: --claim and --pairs do not apply.");
            }
        });
        SetAction(parse => Run(parse));
    }

    private int Run(ParseResult parse)
    {
        var path = parse.GetRequiredValue(_out);
        IMessage request;
        string what;
        if (parse.GetValue(_rpc) == "ping")
        {
            request = new PingRequest();
            what = "PingRequest (scrubber.v1.Admin/Ping)";
        }
        else
        {
            Claim claim;
            try
            {
                claim = parse.GetValue(_claim) is { } file ? Parser.Parse<Claim>(File.ReadAllText(file))
                    : parse.GetValue(_pairs) is { } pairs ? LoadClaims.Make(parse.GetValue(_seed), parse.GetValue(_lines), pairs, parse.GetValue(_payer), count: 1)[0]
                    : H2LoadBody.SampleClaim();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidProtocolBufferException or InvalidJsonException or ArgumentException)
            {
                Console.Error.WriteLine($"Cannot read the claim: {ex.Message}");
                return 1;
            }

            claim.PatientId = string.Empty;
            request = new ScrubClaimRequest { Claim = claim };
            what = string.Create(CultureInfo.InvariantCulture,
                $"ScrubClaimRequest (scrubber.v1.ClaimScrubber/ScrubClaim): claim {claim.ClaimId}, payer {claim.PayerId}, {claim.Lines.Count} lines ({string.Join(' ', claim.Lines.Select(l => l.ProcedureCode + string.Concat(l.Modifiers.Select(m => "-" + m))))}), no patient id");
        }

        var body = H2LoadBody.Frame(request);
        try
        {
            File.WriteAllBytes(path, body);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Cannot write {path}: {ex.Message}");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {body.Length} bytes, a {body.Length - 5}-byte {what}"));
        return 0;
    }
}
