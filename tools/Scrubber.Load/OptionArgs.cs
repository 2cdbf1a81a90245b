namespace Scrubber.Load;

/// <summary>Reads <c>--name value</c> pairs and bare <c>--switch</c>es of a command line, the one syntax every mode
/// of the tool takes.</summary>
internal static class OptionArgs
{
    /// <exception cref="ArgumentException">An option has no value.</exception>
    public static Dictionary<string, string> Parse(string[] args, IReadOnlyCollection<string>? switches = null)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i].TrimStart('-');
            options[name] = switches?.Contains(name) == true ? "true"
                : i + 1 < args.Length ? args[++i]
                : throw new ArgumentException($"--{name} needs a value.");
        }

        return options;
    }
}
