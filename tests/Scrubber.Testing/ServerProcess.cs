using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Grpc.Net.Client;
using Scrubber.Client;

namespace Scrubber.Testing;

/// <summary>The service as an operating-system process, started as the README starts it (<c>dotnet Scrubber.Server.dll</c>)
/// with the test defaults of <see cref="RunningServer.DefaultArgs"/>, a web port of its own and the caller's settings, and
/// everything it has written so far.</summary>
public sealed partial class ServerProcess : IDisposable
{
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, string webAddress)
    {
        Process = process;
        WebAddress = webAddress;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    /// <summary>The dashboard endpoint (HTTP/1.1).</summary>
    public string WebAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the server process; <paramref name="settings"/> come after the defaults, so they win.</summary>
    public static ServerProcess Start(params string[] settings) => Start(new Dictionary<string, string>(), settings);

    /// <summary>Starts the server process with <paramref name="environment"/> set on top of this process's own (a home
    /// folder of the test's own, say).</summary>
    public static ServerProcess Start(IReadOnlyDictionary<string, string> environment, params string[] settings)
    {
        var webAddress = $"http://127.0.0.1:{RunningServer.FreePort()}";
        var dll = Path.Combine(AppContext.BaseDirectory, "Scrubber.Server.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        foreach (var arg in (string[])[dll, .. RunningServer.DefaultArgs, $"--Kestrel:Endpoints:Web:Url={webAddress}", .. settings])
        {
            info.ArgumentList.Add(arg);
        }

        return new ServerProcess(Process.Start(info)!, webAddress);
    }

    /// <summary>The gRPC address the process says it listens on (the test defaults bind port 0).</summary>
    public async Task<string> GrpcAddressAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (Listening().Matches(Output).Select(m => m.Groups[1].Value).FirstOrDefault(u => u != WebAddress) is { } grpc)
            {
                return grpc;
            }

            if (Process.HasExited)
            {
                break;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The server did not say where it listens. Output:\n" + Output);
    }

    /// <summary>A channel sending <see cref="RunningServer.ApiKey"/>, opened once grpc.health.v1 reports SERVING. The caller disposes it.</summary>
    public async Task<GrpcChannel> ConnectAsync()
    {
        var channel = ScrubberChannel.Open(new ScrubberChannelOptions(await GrpcAddressAsync(), RunningServer.ApiKey));
        try
        {
            await Serving.WaitAsync(channel, TimeSpan.FromSeconds(30), () => Output);
            return channel;
        }
        catch
        {
            channel.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
            Process.WaitForExit(10_000);
        }

        Process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
