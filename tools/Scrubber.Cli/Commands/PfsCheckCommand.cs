using System.CommandLine;
using System.Globalization;
using Scrubber.Core.Ncci;
using Scrubber.Core.Pfs;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl pfs check</c>: loads CMS physician fee schedule RVU files exactly as the service would and
/// reports what they hold.</summary>
internal sealed class PfsCheckCommand : CliCommand
{
    private readonly Argument<string[]> _paths = new("path")
    {
        Description = "a CMS RVU zip as downloaded, a PPRRVU .csv file, or a folder of them",
        Arity = ArgumentArity.OneOrMore,
    };

    public PfsCheckCommand(CliConsole console)
        : base("check", "Load fee schedule RVU files as the service would; report releases, codes and global periods.", console,
            """
            Prints each release found (version, effective date, rows, codes, and codes per global period: 000, 010,
            090, MMM, XXX, YYY, ZZZ). A file with a row that cannot be read is refused, naming the file and line, as
            the service refuses it. Use it on a new release's files before pointing Pfs:Files at them.

            Exit code 1 when a file cannot be loaded.
            """)
    {
        Arguments.Add(_paths);
    }

    protected override Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        PfsTableSet set;
        try
        {
            set = PfsLoader.Load("path", [.. InputPaths.RequireExisting(parse.GetRequiredValue(_paths)).Select(Path.GetFullPath)],
                new NcciCheckCommand.ConsoleLoadReport(Console));
        }
        catch (NcciLoadException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return Task.FromResult(ExitCodes.Problems);
        }

        foreach (var release in set.Releases)
        {
            Console.Out.WriteLine(Describe(release.Info));
        }

        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>One line per release, as check prints it.</summary>
    public static string Describe(PfsTableInfo info) => string.Create(CultureInfo.InvariantCulture,
        $"{info.Version}: {info.Rows:N0} rows, {info.Codes:N0} codes, global days 000: {info.CodesWith(GlobalDays.Zero):N0}, " +
        $"010: {info.CodesWith(GlobalDays.Ten):N0}, 090: {info.CodesWith(GlobalDays.Ninety):N0}, MMM: {info.CodesWith(GlobalDays.Maternity):N0}, " +
        $"XXX: {info.CodesWith(GlobalDays.NotApplicable):N0}, YYY: {info.CodesWith(GlobalDays.CarrierSet):N0}, ZZZ: {info.CodesWith(GlobalDays.WithinAnotherService):N0}, " +
        $"applies from {info.AppliesFrom:yyyy-MM-dd}");
}
