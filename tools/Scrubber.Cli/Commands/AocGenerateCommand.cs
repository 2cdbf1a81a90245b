using System.CommandLine;
using System.Globalization;
using Scrubber.Core.AddOnCodes;
using Scrubber.Core.Ncci;
using Scrubber.Generators;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl aoc generate</c>: writes a CMS add-on code (AOC) file at real size in the layout the service
/// reads, for benchmarks and load runs (no real AOC file ships).</summary>
internal sealed class AocGenerateCommand : CliCommand
{
    private readonly Option<string> _out = new("--out") { Description = "the folder to write (created if needed)", HelpName = "F", Required = true };

    private readonly Option<int> _addOns = CliOptions.PositiveInt("--add-ons",
        string.Create(CultureInfo.InvariantCulture, $"distinct add-on codes ({AddOnGeneratorSettings.FullAddOnCodes} is the 2024 Q2 CMS file)"),
        AddOnGeneratorSettings.FullAddOnCodes);

    private readonly Option<int> _rows = CliOptions.PositiveInt("--rows", "rows to aim for, at least one per add-on code (a type 2 add-on takes one row, so a few fewer are written)", AddOnGeneratorSettings.FullRows);
    private readonly Option<int> _seed = CliOptions.PositiveInt("--seed", "the random seed", 2026);

    private readonly Option<string> _version = new("--version")
    {
        Description = "the release in the file name (AOC_V2026Q3 is effective 2026-07-01)",
        HelpName = "V",
        DefaultValueFactory = _ => "AOC_V2026Q3",
    };

    public AocGenerateCommand(CliConsole console)
        : base("generate", "Write a synthetic add-on code (AOC) file in the layout the service reads, at real size (for benchmarks).", console,
            """
            Writes AOC_V2026Q3-MCR.txt (named for --version) in the fixed-width layout of rules/ncci/README.md, Latin-1,
            CRLF, after an AMA notice: add-on codes across the CPT, Category III and Level II ranges, primaries near
            each add-on with a long tail of add-ons listing dozens, edit types 1, 3 and 2 (CCCCC) in about 85/10/5
            proportions, some rows deleted. The same --seed writes the same bytes. Load it with the service's
            AddOnCodes settings.
            """)
    {
        Options.Add(_out);
        Options.Add(_addOns);
        Options.Add(_rows);
        Options.Add(_seed);
        Options.Add(_version);
        _version.Validators.Add(result =>
        {
            var version = result.GetValueOrDefault<string>();
            AddOnCodeFileName? name;
            try
            {
                name = AddOnCodeFileName.Parse(version + "-MCR.txt", version);
            }
            catch (NcciLoadException)
            {
                name = null;
            }

            if (name is null || !string.Equals(name.Version, version, StringComparison.Ordinal))
            {
                result.AddError($"--version must look like AOC_V2026Q3 (year and quarter, _01 for a reissue), not '{version}'.");
            }
        });
    }

    protected override Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var folder = parse.GetRequiredValue(_out);
        var settings = new AddOnGeneratorSettings(parse.GetValue(_addOns), parse.GetValue(_rows), parse.GetValue(_seed), parse.GetRequiredValue(_version));
        GeneratedAddOnFile file;
        try
        {
            file = AddOnCodeFileGenerator.Write(Path.GetFullPath(folder), settings);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new UsageException($"--add-ons {settings.AddOnCodes:N0} with --rows {settings.Rows:N0}: {ex.Message.Split(" (Parameter")[0]}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Cannot write to '{folder}': {ex.Message}");
            return Task.FromResult(ExitCodes.Unavailable);
        }

        Console.Out.WriteLine(file.File);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{file.Rows:N0} rows, {file.AddOnCodes:N0} add-on codes; type 1: {file.TypeOne:N0}, type 3: {file.TypeThree:N0}, type 2: {file.TypeTwo:N0}; " +
            $"{file.DeletedRows:N0} deleted"));
        return Task.FromResult(ExitCodes.Ok);
    }
}
