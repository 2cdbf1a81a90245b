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
    int Seed)
{
    public static LoadSettings Parse(string[] args)
    {
        var options = OptionArgs.Parse(args);

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
            int.Parse(Get("seed", "42"), CultureInfo.InvariantCulture));
    }
}
