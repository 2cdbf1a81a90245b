namespace Scrubber.Cli;

/// <summary>The arguments after the command name: positionals, <c>--name value</c> options and <c>--flag</c> switches.</summary>
public sealed class CommandArgs
{
    private readonly Dictionary<string, string> _options;
    private readonly HashSet<string> _flags;

    private CommandArgs(List<string> positionals, Dictionary<string, string> options, HashSet<string> flags)
    {
        Positionals = positionals;
        _options = options;
        _flags = flags;
    }

    public IReadOnlyList<string> Positionals { get; }

    public bool Help => _flags.Contains("help");

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>The whole number above 0 given for <c>--name</c>, or <paramref name="fallback"/> when it is absent.</summary>
    /// <exception cref="UsageException">The value is not a whole number above 0.</exception>
    public int PositiveInt(string name, int fallback) =>
        Option(name) is not { } text ? fallback
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new UsageException($"--{name} must be a whole number above 0, not '{text}'.");

    /// <summary>Parses <paramref name="args"/> against the command's declared options and switches.</summary>
    /// <exception cref="UsageException">An option is unknown or has no value.</exception>
    public static CommandArgs Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> switches)
    {
        var positionals = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                flags.Add("help");
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                positionals.Add(arg);
                continue;
            }

            var name = arg[2..];
            string? inline = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                inline = name[(equals + 1)..];
                name = name[..equals];
            }

            if (switches.Contains(name) && inline is null)
            {
                flags.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"--{name} needs a value."));
                options[name] = value;
            }
            else
            {
                throw new UsageException($"Unknown option --{name}.");
            }
        }

        return new CommandArgs(positionals, options, flags);
    }
}
