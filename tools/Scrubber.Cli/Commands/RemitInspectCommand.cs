using System.CommandLine;
using System.Globalization;
using System.Text;
using Scrubber.X12;
using Scrubber.X12.Remittance;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl remit inspect</c>: shows what an 835 file holds, claim by claim and line by line, and what the
/// reader found odd.</summary>
internal sealed class RemitInspectCommand : CliCommand
{
    private readonly Argument<string> _file = new("file.835") { Description = "the 835 remittance file" };
    private readonly Option<string> _format = CliOptions.Format(OutputFormat.Table, OutputFormat.Json);

    public RemitInspectCommand(CliConsole console)
        : base("inspect", "Show what an 835 remittance holds: claims, lines, adjustments of every denial family (bundling, units, add-on, duplicate, modifier), remarks, warnings.", console,
            """
            Reads the file with the same X12 reader the service uses (separators from the ISA, several interchanges,
            wrapped lines) and prints each claim (CLP) with its status and adjustments, and each line (SVC) with its
            REF*6R line control number, code, modifiers, date, charge, paid and every CAS adjustment as group and reason
            (CO-97 bundling, CO-151 units, CO-B15 add-on, OA-18 duplicate, CO-4 modifier, and any other); then each warning:
            a defect the reader accepted because the content stays unambiguous (code, byte offset, segment, message).

            --format json: { "transactions", "claims": [ { "claimId", "status", "adjustments", "lines": [ … ] } ],
            "warnings": [ { "code", "byteOffset", "segment", "message" } ] }

            Exit code 1 when the file is not a readable 835 (the message names the byte offset and segment), 3 when it
            cannot be read.
            """)
    {
        Arguments.Add(_file);
        Options.Add(_format);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var path = parse.GetRequiredValue(_file);
        RemittanceFile file;
        try
        {
            file = Remittance835Parser.Read(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"{path}: cannot be read: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Unavailable;
        }
        catch (X12FormatException ex)
        {
            await Console.Error.WriteLineAsync($"{path}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Problems;
        }

        await Console.Out.WriteLineAsync(parse.GetValue(_format) == OutputFormat.Json ? RemittanceWarningsJson.Write(file) : Table(file)).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static string Table(RemittanceFile file)
    {
        var text = new StringBuilder();
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

        if (text.Length == 0)
        {
            text.AppendLine("No claims.");
        }

        foreach (var warning in file.Warnings)
        {
            text.AppendLine(WarningText.Line(warning.Code, warning.ByteOffset, warning.Segment, warning.Message));
        }

        return text.ToString().TrimEnd();
    }

    private static string Adjustments(IEnumerable<Adjustment> adjustments)
    {
        var list = string.Join(", ", adjustments.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Group}-{a.Reason} {a.Amount}")));
        return list.Length == 0 ? string.Empty : $"  [{list}]";
    }
}
