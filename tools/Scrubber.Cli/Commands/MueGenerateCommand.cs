using System.CommandLine;
using System.Globalization;
using Scrubber.Core.Mue;
using Scrubber.Generators;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl mue generate</c>: writes an MUE table in the CMS layout at real size, for benchmarks, load runs
/// and tests (the real tables hold AMA-licensed codes and are not shipped beyond the excerpt).</summary>
internal sealed class MueGenerateCommand : CliCommand
{
    private readonly Option<string> _out = new("--out") { Description = "the folder to write (created if needed)", HelpName = "F", Required = true };

    private readonly Option<int> _codes = CliOptions.PositiveInt("--codes",
        string.Create(CultureInfo.InvariantCulture, $"codes in the table ({MueGeneratorSettings.FullCodes:N0} is the size of a real one; at most {MueGeneratorSettings.MaxCodes:N0})"),
        MueGeneratorSettings.FullCodes);

    private readonly Option<int> _seed = CliOptions.PositiveInt("--seed", "the random seed", 326);

    private readonly Option<string> _effective = new("--effective")
    {
        Description = "the effective date in the file name, YYYY-MM-DD",
        HelpName = "D",
        DefaultValueFactory = _ => "2026-07-01",
    };

    private readonly Option<string> _table = MueTableOption.Create();

    public MueGenerateCommand(CliConsole console)
        : base("generate", "Write a synthetic MUE table in the exact CMS layout at real size (for benchmarks and tests).", console,
            """
            Writes one CSV named as CMS names it (MCR_MUE_PractitionerServices_Eff_07-01-2026.csv ...): Latin-1, CRLF,
            the quoted multi-paragraph AMA notice, the header whose first cell holds a line break, then one row per
            code with an MUE value, the adjudication indicator as CMS writes it ("3 Date of Service Edit: Clinical")
            and a rationale, in about the published proportions. The same --seed writes the same bytes. Load it with
            'mue check' or the service's Mue settings.
            """)
    {
        Options.Add(_out);
        Options.Add(_codes);
        Options.Add(_seed);
        Options.Add(_effective);
        Options.Add(_table);
        _codes.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() > MueGeneratorSettings.MaxCodes)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--codes may be at most {MueGeneratorSettings.MaxCodes:N0}."));
            }
        });
        _effective.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                result.AddError($"--effective must be a date such as 2026-07-01, not '{text}'.");
            }
        });
    }

    protected override Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var folder = parse.GetRequiredValue(_out);
        var settings = new MueGeneratorSettings(
            parse.GetValue(_codes),
            parse.GetValue(_seed),
            MueTableOption.Kind(parse.GetRequiredValue(_table)),
            DateOnly.ParseExact(parse.GetRequiredValue(_effective), "yyyy-MM-dd", CultureInfo.InvariantCulture));
        string path;
        try
        {
            path = MueTableGenerator.Write(Path.GetFullPath(folder), settings);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Cannot write to '{folder}': {ex.Message}");
            return Task.FromResult(ExitCodes.Unavailable);
        }

        Console.Out.WriteLine(path);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{settings.Codes:N0} codes, {MueFileName.TableName(settings.Kind)} table, effective {settings.Effective:yyyy-MM-dd}"));
        return Task.FromResult(ExitCodes.Ok);
    }
}
