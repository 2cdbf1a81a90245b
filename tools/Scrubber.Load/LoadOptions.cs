using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Scrubber.Client;

namespace Scrubber.Load;

/// <summary>Options the modes share, and numbers checked where they are read so a typo is an error, not a default.</summary>
internal static class LoadOptions
{
    public static Option<string?> Server() => new("--server")
    {
        Description = $"the service's gRPC address (default ${ScrubberDefaults.ServerVariable}, else {ScrubberDefaults.Address})",
        HelpName = "URL",
    };

    public static Option<string?> ApiKey() => new("--api-key")
    {
        Description = $"sent as 'authorization: Bearer KEY' on every call (default ${ScrubberDefaults.ApiKeyVariable}, else the development key)",
        HelpName = "KEY",
    };

    /// <summary>A whole number above 0, <paramref name="fallback"/> when absent.</summary>
    public static Option<int> Count(string name, string description, int fallback) => new(name)
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => fallback,
        CustomParser = result => (int)(Number(result, name, whole: true) ?? 0),
    };

    /// <summary>A number above 0 (seconds, a rate), or 0 too when <paramref name="zeroAllowed"/> (a warm-up the crash
    /// test skips); <paramref name="fallback"/> when absent.</summary>
    public static Option<double> Positive(string name, string description, double fallback, bool zeroAllowed = false) => new(name)
    {
        Description = description,
        HelpName = "SECONDS",
        DefaultValueFactory = _ => fallback,
        CustomParser = result => Number(result, name, whole: false, zeroAllowed) ?? 0,
    };

    /// <summary>A number above 0 with no default: null when absent.</summary>
    public static Option<double?> OptionalPositive(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result => Number(result, name, whole: false),
    };

    /// <summary>Accepts only <paramref name="allowed"/>, naming the value that is not one of them.</summary>
    public static Option<string?> OneOf(string name, string description, string? fallback, params string[] allowed)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = string.Join('|', allowed) };
        if (fallback is not null)
        {
            option.DefaultValueFactory = _ => fallback;
        }

        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !allowed.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"{name} must be {(allowed.Length == 2 ? string.Join(" or ", allowed) : "one of " + string.Join(", ", allowed))}, not '{value}'.");
            }
        });
        return option;
    }

    private static double? Number(ArgumentResult result, string name, bool whole, bool zeroAllowed = false)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        var styles = whole ? NumberStyles.None : NumberStyles.AllowDecimalPoint;
        if (double.TryParse(text, styles, CultureInfo.InvariantCulture, out var value) && (value > 0 || (zeroAllowed && value == 0)) && (!whole || value <= int.MaxValue))
        {
            return value;
        }

        result.AddError($"{name} must be {(whole ? "a whole number" : "a number")} {(zeroAllowed ? "of 0 or more" : "above 0")}, not '{text}'.");
        return null;
    }
}
