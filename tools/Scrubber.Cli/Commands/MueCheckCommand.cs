using System.CommandLine;
using System.Globalization;
using Scrubber.Core.Mue;
using Scrubber.Core.Ncci;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl mue check</c>: loads CMS MUE files exactly as the service would and reports what they hold.</summary>
internal sealed class MueCheckCommand : CliCommand
{
    private readonly Argument<string[]> _paths = new("path")
    {
        Description = "a CMS MUE zip as downloaded, a .csv file, or a folder of them",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string> _table = MueTableOption.Create();

    public MueCheckCommand(CliConsole console)
        : base("check", "Load MUE files as the service would; report releases, codes and adjudication indicators.", console,
            """
            Prints each release found (version, effective date, codes, codes with MUE 0, codes per adjudication
            indicator). A file with a row that cannot be read is refused, naming the file and line, as the service
            refuses it. Use it on a new quarter's files before pointing the service at them.

            Exit code 1 when a file cannot be loaded.
            """)
    {
        Arguments.Add(_paths);
        Options.Add(_table);
    }

    protected override Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        MueTableSet set;
        try
        {
            set = MueLoader.Load(MueTableOption.Kind(parse.GetRequiredValue(_table)), "path",
                [.. InputPaths.RequireExisting(parse.GetRequiredValue(_paths)).Select(Path.GetFullPath)], new NcciCheckCommand.ConsoleLoadReport(Console));
        }
        catch (NcciLoadException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return Task.FromResult(ExitCodes.Problems);
        }

        foreach (var release in set.Releases)
        {
            var info = release.Info;
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{info.Version}: {info.Codes:N0} codes, {info.NotPayable:N0} with MUE 0, MAI 1: {info.ByIndicator[0]:N0}, MAI 2: {info.ByIndicator[1]:N0}, " +
                $"MAI 3: {info.ByIndicator[2]:N0}, applies from {info.AppliesFrom:yyyy-MM-dd}"));
        }

        return Task.FromResult(ExitCodes.Ok);
    }
}
