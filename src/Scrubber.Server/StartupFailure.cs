using Microsoft.Extensions.Options;

namespace Scrubber.Server;

/// <summary>How the service says it cannot start: one line on standard error naming the setting, file or address, and
/// exit code 1. The stack trace only when the operator asks for Debug logging.</summary>
internal static class StartupFailure
{
    /// <summary>The category the generic host logs a failure to start under, with the exception's stack trace.</summary>
    public const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>Whether the operator asked for Debug (or Trace) logging, as the settings of <paramref name="args"/> and
    /// the environment say; read before the host exists, since building it is what may fail.</summary>
    public static bool IsVerbose(string[] args) =>
        IsVerbose(new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build());

    public static bool IsVerbose(IConfiguration configuration) =>
        Enum.TryParse<LogLevel>(configuration["Logging:LogLevel:Default"], ignoreCase: true, out var level) && level <= LogLevel.Debug;

    /// <summary>The one-line reason for <paramref name="exception"/>, naming the Kestrel setting whose value it quotes
    /// (an address that cannot be bound or is not a URL, a certificate file that is missing).</summary>
    public static string Reason(Exception exception, IConfiguration? configuration)
    {
        var reason = exception switch
        {
            OptionsValidationException options => string.Join(" ", options.Failures),
            AggregateException { InnerExceptions.Count: 1 } one => Reason(one.InnerExceptions[0], configuration),
            _ => exception.Message,
        };
        reason = reason.ReplaceLineEndings(" ");
        var setting = configuration?.GetSection("Kestrel").AsEnumerable()
            .FirstOrDefault(s => s.Value is { Length: >= 4 } value && reason.Contains(value, StringComparison.OrdinalIgnoreCase)).Key;
        if (setting is not null && !reason.Contains(setting, StringComparison.Ordinal))
        {
            reason += $" (setting {setting})";
        }

        return reason;
    }

    /// <summary>Writes the reason (and, when asked for, the exception) and returns exit code 1.</summary>
    public static async Task<int> ExitAsync(string reason, Exception? verboseDetail)
    {
        await Console.Error.WriteLineAsync("Scrubber cannot start: " + reason).ConfigureAwait(false);
        if (verboseDetail is not null)
        {
            await Console.Error.WriteLineAsync(verboseDetail.ToString()).ConfigureAwait(false);
        }

        return 1;
    }
}
