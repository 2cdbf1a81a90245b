namespace Scrubber.Load;

/// <summary>Reads <c>--name value</c> pairs of a command line, the one syntax every mode of the tool takes.</summary>
internal static class OptionArgs
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }
}
