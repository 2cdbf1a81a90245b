using System.CommandLine;
using System.Globalization;
using Scrubber.Generators;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl pfs generate</c>: writes a physician fee schedule RVU file in the CMS layout at real size, for
/// benchmarks, load runs and tests (the real file carries AMA-licensed descriptors and is not shipped).</summary>
internal sealed class PfsGenerateCommand : CliCommand
{
    private readonly Option<string> _out = new("--out") { Description = "the folder to write (created if needed)", HelpName = "F", Required = true };

    private readonly Option<int> _rows = CliOptions.PositiveInt("--rows",
        string.Create(CultureInfo.InvariantCulture,
            $"rows in the file ({PfsGeneratorSettings.FullRows:N0} is the size of a real one; {PfsGeneratorSettings.MinRows:N0} to {PfsGeneratorSettings.MaxRows:N0})"),
        PfsGeneratorSettings.FullRows);

    private readonly Option<int> _seed = CliOptions.PositiveInt("--seed", "the random seed", 326);

    private readonly Option<bool> _sample = new("--sample")
    {
        Description = "write only the rows of the codes the repository's sample claims and tests use (the bundled rules/ncci/pfs sample)",
    };

    private readonly Option<string> _effective = new("--effective")
    {
        Description = "the first day of the release's month, YYYY-MM-01 (the file name carries the month)",
        HelpName = "D",
        DefaultValueFactory = _ => "2026-07-01",
    };

    public PfsGenerateCommand(CliConsole console)
        : base("generate", "Write a synthetic fee schedule RVU file (PPRRVU) in the exact CMS layout at real size.", console,
            """
            Writes one CSV named as CMS names it (PPRRVU2026_Jul_nonQPP.csv): Latin-1, CRLF, the notice and multi-row
            header lines, the header row starting HCPCS,MOD,DESCRIPTION, then 32 columns per code and modifier.
            Descriptors are the placeholder REDACTED, never CPT text. Global periods follow the published mix:
            surgery codes mostly 000/010/090, maternity 59400-59622 MMM, unlisted procedures YYY, add-ons ZZZ,
            E/M, labs and imaging XXX (imaging with 26 and TC rows); RVUs are made up. The same --seed writes the
            same bytes. Load it with 'pfs check' or the service's Pfs:Files setting.
            """)
    {
        Options.Add(_out);
        Options.Add(_rows);
        Options.Add(_seed);
        Options.Add(_effective);
        Options.Add(_sample);
        _rows.Validators.Add(result =>
        {
            var rows = result.GetValueOrDefault<int>();
            if (rows is < PfsGeneratorSettings.MinRows or > PfsGeneratorSettings.MaxRows)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture,
                    $"--rows must be from {PfsGeneratorSettings.MinRows:N0} to {PfsGeneratorSettings.MaxRows:N0}."));
            }
        });
        _effective.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Day != 1 || date.Year is < 1992 or > 2099)
            {
                result.AddError($"--effective must be the first day of a month such as 2026-07-01 (the file name carries the month only), not '{text}'.");
            }
        });
    }

    protected override Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var folder = parse.GetRequiredValue(_out);
        var settings = new PfsGeneratorSettings(
            parse.GetValue(_rows),
            parse.GetValue(_seed),
            DateOnly.ParseExact(parse.GetRequiredValue(_effective), "yyyy-MM-dd", CultureInfo.InvariantCulture));
        string path;
        try
        {
            path = parse.GetValue(_sample)
                ? PfsTableGenerator.WriteRows(Path.GetFullPath(folder), settings.Effective, PfsTableGenerator.KnownRows, settings.Seed)
                : PfsTableGenerator.Write(Path.GetFullPath(folder), settings);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Cannot write to '{folder}': {ex.Message}");
            return Task.FromResult(ExitCodes.Unavailable);
        }

        Console.Out.WriteLine(path);
        var rows = parse.GetValue(_sample) ? PfsTableGenerator.KnownRows.Count : settings.Rows;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows, effective {settings.Effective:yyyy-MM-dd}"));
        return Task.FromResult(ExitCodes.Ok);
    }
}
