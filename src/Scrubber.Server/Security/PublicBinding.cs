using System.Net;

namespace Scrubber.Server.Security;

/// <summary>An address the service is configured to listen on that is reachable from beyond this machine.</summary>
internal sealed record PublicBinding(string Setting, string Url)
{
    /// <summary>The first configured address that is not loopback, or null when every one is.</summary>
    /// <remarks>Kestrel listens on its <c>Kestrel:Endpoints</c> when there are any and ignores <c>urls</c> and
    /// <c>http_ports</c> then; otherwise it uses those, and a bare port means every interface.</remarks>
    public static PublicBinding? Find(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().ToList();
        IEnumerable<(string Setting, string Url)> urls = endpoints.Count > 0
            ? endpoints.Select(e => ($"Kestrel:Endpoints:{e.Key}:Url", e["Url"] ?? string.Empty))
            : Split(configuration, "urls").Concat(Ports(configuration, "http_ports", "http")).Concat(Ports(configuration, "https_ports", "https"));
        return urls.Where(u => !IsLoopback(u.Url)).Select(u => new PublicBinding(u.Setting, u.Url)).FirstOrDefault();
    }

    private static IEnumerable<(string, string)> Split(IConfiguration configuration, string setting) =>
        (configuration[setting] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => (setting, u));

    private static IEnumerable<(string, string)> Ports(IConfiguration configuration, string setting, string scheme) =>
        Split(configuration, setting).Select(p => (p.Item1, $"{scheme}://*:{p.Item2}"));

    private static bool IsLoopback(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            // Kestrel refuses it at start with its own message; it listens nowhere.
            return true;
        }

        var host = address.Host.Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
