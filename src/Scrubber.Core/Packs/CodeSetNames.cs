using System.Text.RegularExpressions;
using Scrubber.Core.CodeSets;

namespace Scrubber.Core.Packs;

/// <summary>Checks that a rule names only code sets that exist, with a quoted name, so a misspelt set is a lint error
/// rather than a rule that silently never fires.</summary>
internal static partial class CodeSetNames
{
    public static void Check(string expression, List<string> problems)
    {
        foreach (Match call in SetCall().Matches(expression))
        {
            var method = call.Groups["method"].Value;
            if (!call.Groups["name"].Success)
            {
                problems.Add($"{method} takes the name of a code set in quotes, e.g. {method}(\"em-25-eligible\")");
            }
            else if (!CodeSetCatalog.Default.TryGet(call.Groups["name"].Value, out _))
            {
                problems.Add($"{method}: there is no code set '{call.Groups["name"].Value}' (known: {string.Join(", ", CodeSetCatalog.Default.Names)})");
            }
        }
    }

    [GeneratedRegex("""\b(?<method>InSet|SameDayHasCodeInSet)\s*\(\s*(?:"(?<name>[^"]*)"\s*\))?""", RegexOptions.CultureInvariant)]
    private static partial Regex SetCall();
}
