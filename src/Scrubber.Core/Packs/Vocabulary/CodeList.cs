using Scrubber.Core.Claims;

namespace Scrubber.Core.Packs.Vocabulary;

/// <summary>Parses the space- or comma-separated code lists rule authors write inside expressions.</summary>
internal static class CodeList
{
    private static readonly char[] Separators = [' ', ',', ';'];

    public static string[] Split(string list) =>
        [.. list.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToUpperInvariant())];

    public static bool Contains(string list, HcpcsCode code)
    {
        foreach (var item in list.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (HcpcsCode.TryParse(item, out var listed) && listed == code)
            {
                return true;
            }
        }

        return false;
    }

    public static bool InRange(HcpcsCode code, string low, string high) =>
        HcpcsCode.TryParse(low, out var from) && HcpcsCode.TryParse(high, out var to) && code.IsInRange(from, to);
}
