using System.Globalization;
using Scrubber.X12;
using Scrubber.X12.Remittance;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl remit inspect</c>: shows what an 835 file holds, claim by claim and line by line.</summary>
internal sealed class RemitInspectCommand : ICommand
{
    public string Name => "remit inspect";

    public string Summary => "Show what an 835 remittance holds: claims, lines, adjustments (CO-97 …), remarks.";

    public string Help =>
        """
        Usage: scrubctl remit inspect <file.835> [--format table|json]

        Reads the file with the same X12 reader the service uses (separators from the ISA, several interchanges,
        wrapped lines) and prints each claim (CLP) with its status and adjustments, and each line (SVC) with its
        REF*6R line control number, code, modifiers, date, charge, paid and every CAS adjustment.

          --format F   table (default) or json: { "claims": [ { "claimId", "status", "adjustments", "lines": [ … ] } ] }

        Exit code 1 when the file is not a readable 835; the message names the byte offset and segment.
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["format"];

    public IReadOnlyCollection<string> Switches { get; } = [];

    public async Task<int> RunAsync(CommandArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count != 1)
        {
            throw new UsageException("Give one 835 file.");
        }

        var format = OutputFormat.Parse(args.Option("format"), OutputFormat.Table, OutputFormat.Json);
        var path = args.Positionals[0];
        RemittanceFile file;
        try
        {
            file = Remittance835Parser.Read(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"{path}: cannot be read: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Unavailable;
        }
        catch (X12FormatException ex)
        {
            await console.Error.WriteLineAsync($"{path}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Problems;
        }

        await console.Out.WriteLineAsync(format == OutputFormat.Json ? RemittanceJson.Write(file) : Table(file)).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static string Table(RemittanceFile file)
    {
        var text = new System.Text.StringBuilder();
        foreach (var claim in file.Claims)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"claim {claim.ClaimId}  status {claim.Status}  charge {claim.Charge}  paid {claim.Paid}  payer claim {claim.PayerClaimNumber}{Adjustments(claim.Adjustments)}");
            foreach (var line in claim.Lines)
            {
                var modifiers = line.Modifiers.IsEmpty ? string.Empty : "-" + string.Join('-', line.Modifiers);
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  line {line.LineControlNumber ?? "(no REF*6R)"}  {line.ProcedureCode}{modifiers}  {line.ServiceDate:yyyy-MM-dd}  charge {line.Charge}  paid {line.Paid}{Adjustments(line.Adjustments)}");
            }
        }

        return text.Length == 0 ? "No claims." : text.ToString().TrimEnd();
    }

    private static string Adjustments(IEnumerable<Adjustment> adjustments)
    {
        var list = string.Join(", ", adjustments.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Group}-{a.Reason} {a.Amount}")));
        return list.Length == 0 ? string.Empty : $"  [{list}]";
    }
}
