namespace Scrubber.Cli;

/// <summary>One scrubctl command, such as <c>ncci check</c>.</summary>
public interface ICommand
{
    /// <summary>The words that select it, e.g. <c>ncci check</c>.</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The full <c>--help</c> text.</summary>
    string Help { get; }

    /// <summary>Options that take a value.</summary>
    IReadOnlyCollection<string> ValueOptions { get; }

    /// <summary>Options that are switches.</summary>
    IReadOnlyCollection<string> Switches { get; }

    Task<int> RunAsync(CommandArgs args, CliConsole console, CancellationToken cancellationToken);
}
