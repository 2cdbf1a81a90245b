using System.CommandLine;
using System.Globalization;

namespace Scrubber.Cli;

/// <summary>Options several commands share in shape: a value from a fixed list, a whole number above 0.</summary>
internal static class CliOptions
{
    /// <summary><c>--format</c>, one of <paramref name="allowed"/>; the first is the default.</summary>
    public static Option<string> Format(params string[] allowed) =>
        OneOf(new Option<string>("--format")
        {
            Description = $"{string.Join(", ", allowed)}",
            HelpName = "F",
            DefaultValueFactory = _ => allowed[0],
        }, allowed);

    /// <summary>Accepts only <paramref name="allowed"/> (case-sensitive, as scripts spell them), naming the value
    /// that is not one of them.</summary>
    public static Option<T> OneOf<T>(Option<T> option, params string[] allowed)
    {
        option.Validators.Add(result =>
        {
            var values = result.GetValueOrDefault<T>() switch
            {
                string one => [one],
                IEnumerable<string> many => many,
                _ => [],
            };
            foreach (var value in values.Where(v => !allowed.Contains(v, StringComparer.Ordinal)))
            {
                result.AddError($"{option.Name} must be {Listed(allowed)}, not '{value}'.");
            }
        });
        option.CompletionSources.Add(allowed);
        return option;
    }

    /// <summary>A whole number above 0; <paramref name="fallback"/> when absent, or 0 when there is none (the
    /// service's own setting then applies, and help shows no default).</summary>
    public static Option<int> PositiveInt(string name, string description, int? fallback, string helpName = "N")
    {
        var option = new Option<int>(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
                {
                    return value;
                }

                result.AddError($"{name} must be a whole number above 0, not '{text}'.");
                return 0;
            },
        };
        if (fallback is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }

        return option;
    }

    private static string Listed(string[] allowed) =>
        allowed.Length <= 2 ? string.Join(" or ", allowed) : $"one of {string.Join(", ", allowed)}";
}
