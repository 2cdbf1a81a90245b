using System.Globalization;

namespace Scrubber.Load;

/// <summary>The options of a load run.</summary>
internal sealed record LoadSettings(
    string Server,
    string Mode,
    int Concurrency,
    TimeSpan Duration,
    TimeSpan Warmup,
    int Lines,
    double? Rate,
    string? AcksFile,
    int Seed,
    string ApiKey)
{
    /// <summary>The documented development key, accepted by the Development settings on loopback only.</summary>
    public const string DevelopmentApiKey = "scr_dev_loopback_only_not_a_secret";

    /// <summary>The key of <c>--api-key</c>, else <c>SCRUBBER_API_KEY</c>, else the development key.</summary>
    public static string ApiKeyFrom(IReadOnlyDictionary<string, string> options) =>
        options.GetValueOrDefault("api-key") ?? Environment.GetEnvironmentVariable("SCRUBBER_API_KEY") ?? DevelopmentApiKey;

    public static LoadSettings Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name, string fallback) => options.GetValueOrDefault(name, fallback);
        return new LoadSettings(
            Get("server", "http://127.0.0.1:5080"),
            Get("mode", "unary"),
            int.Parse(Get("concurrency", "32"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Get("duration", "10"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Get("warmup", "2"), CultureInfo.InvariantCulture)),
            int.Parse(Get("lines", "6"), CultureInfo.InvariantCulture),
            options.TryGetValue("rate", out var rate) ? double.Parse(rate, CultureInfo.InvariantCulture) : null,
            options.GetValueOrDefault("acks"),
            int.Parse(Get("seed", "42"), CultureInfo.InvariantCulture),
            ApiKeyFrom(options));
    }
}
