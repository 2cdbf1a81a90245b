using System.Diagnostics;
using Scrubber.Server.Tests.Infrastructure;
using Scrubber.Testing;

namespace Scrubber.Server.Tests;

/// <summary>The service as an operating-system process, as the README starts it: clean exit codes and no stack traces.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Process_StoppedWithSigterm_ExitsZeroWithoutAnUnhandledException()
    {
        using var server = Start();
        (await server.ConnectAsync()).Dispose(); // serving before it is stopped

        using (var kill = Process.Start("kill", ["-TERM", server.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await server.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, server.Process.ExitCode);
        Assert.DoesNotContain("Unhandled exception", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_TableWithNoValidRow_ExitsOneSayingWhy()
    {
        var bad = PtpFiles.Write(_data.File("ccipra-v322r0-f1.txt"), "not\ta\trow");
        using var server = Start($"--Ncci:Practitioner:0={bad}");

        await server.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, server.Process.ExitCode);
        Assert.Contains("no valid PTP row", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", server.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("binary", "could not be read: byte ")]
    [InlineData("utf-16", "could not be read: byte 0 is a UTF-16 byte order mark")]
    [InlineData("empty", "holds no valid PTP row (0 lines read, 0 malformed)")]
    [InlineData("one enormous line", "holds no valid PTP row (1 lines read, 1 malformed)")]
    public async Task Process_BrokenTableFile_ExitsOneWithAOneLineReasonNamingTheFile(string damage, string reason)
    {
        var table = _data.File("ccipra-v322r0-f1.txt");
        byte[] text = [.. File.ReadAllBytes(RepositoryPaths.PractitionerExcerpt)];
        File.WriteAllBytes(table, damage switch
        {
            "binary" => RandomBytes(text.Length),
            "utf-16" => [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(System.Text.Encoding.Latin1.GetString(text))],
            "empty" => [],
            _ => [.. Enumerable.Repeat((byte)'9', 20 * 1024 * 1024)],
        });
        using var server = Start($"--Ncci:Practitioner:0={table}");

        await server.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, server.Process.ExitCode);
        Assert.Contains($"Scrubber cannot start: '{table}' {reason}", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_TableFileNamedWithAPartTooLarge_ExitsOneWithOneLineNamingIt()
    {
        var table = PtpFiles.Write(_data.File("ccipra-v323r0-f99999999999.txt"), PtpFiles.Row("0001U", "0030U", "20180701", "*", "1"));
        using var server = Start($"--Ncci:Practitioner:0={_data.Path}");

        await server.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, server.Process.ExitCode);
        Assert.Contains($"Scrubber cannot start: '{table}': the part f99999999999 is out of range (f1 to f99)", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_DashboardSignIn_KeepsTheKeyRingBesideTheStore_NothingInTheHomeFolder()
    {
        // The framework's default ring is $HOME/.aspnet/DataProtection-Keys, apart from the store and readable by
        // whatever else runs as the user; a home of the test's own shows whether anything still goes there.
        var home = Directory.CreateDirectory(_data.File("home")).FullName;
        using var server = ServerProcess.Start(new Dictionary<string, string> { ["HOME"] = home }, $"--Audit:Path={_data.File("audit.db")}");
        (await server.ConnectAsync()).Dispose();

        await DashboardClient.SignedInCookieAsync(server.WebAddress, RunningServer.ApiKey);

        var inHome = Directory.GetFileSystemEntries(home, "*", SearchOption.AllDirectories);
        Assert.True(!inHome.Any(e => e.Contains(".aspnet", StringComparison.Ordinal)), "in the home folder: " + string.Join(", ", inHome));
        Assert.NotEmpty(Directory.GetFiles(_data.File("audit.db") + ".keys", "*.xml"));
    }

    [Theory]
    [InlineData("--Audit:ConnectionString=Host=127.0.0.1;Port=1;Database=scrubber;Timeout=3", "Scrubber cannot start: The audit store postgres://127.0.0.1:1/scrubber cannot be opened:")]
    [InlineData("--Audit:ConnectionString=Host=127.0.0.1;Colour=blue", "Scrubber cannot start: Audit:ConnectionString is not a valid PostgreSQL connection string:")]
    [InlineData("--Audit:ConnectionString=", "Audit:ConnectionString must name the PostgreSQL database when Audit:Provider is Postgres")]
    public async Task Process_PostgresStoreThatCannotBeOpened_ExitsOneWithOneLineSayingWhy(string setting, string reason)
    {
        using var server = Start("--Audit:Provider=Postgres", setting);

        await server.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, server.Process.ExitCode);
        Assert.Contains(reason, server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_UnknownGlobalScope_ExitsOneWithOneLineNamingTheSetting()
    {
        using var server = Start("--Scrub:GlobalScope=SameGroup");

        await server.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, server.Process.ExitCode);
        Assert.Contains("Scrubber cannot start: Failed to convert configuration value 'SameGroup' at 'Scrub:GlobalScope'", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_BrokenMueFile_ExitsOneWithOneLineNamingTheFileAndLine()
    {
        var table = _data.File("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv");
        File.WriteAllText(table, File.ReadAllText(RepositoryPaths.MueExcerpt, System.Text.Encoding.Latin1) + "0042U,99999999999,2 Date of Service Edit: Policy,x\r\n", System.Text.Encoding.Latin1);
        using var server = Start($"--Mue:Practitioner:0={table}");

        await server.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, server.Process.ExitCode);
        Assert.Contains($"Scrubber cannot start: {table}:54: the MUE value '99999999999' of 0042U is not a whole number from 0 to 99999", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_BrokenFeeScheduleFile_ExitsOneWithOneLineNamingTheFileAndLine()
    {
        var table = _data.File("PPRRVU2026_Jul_nonQPP.csv");
        File.WriteAllText(table, File.ReadAllText(RepositoryPaths.PfsSample, System.Text.Encoding.Latin1)
            + "27448,,REDACTED,A,,0.00,0.00,,0.00,,0.00,0.00,0.00,0,090,0.09,0.84,0.07,2\r\n", System.Text.Encoding.Latin1);
        using var server = Start($"--Pfs:Files:0={table}");

        await server.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, server.Process.ExitCode);
        Assert.Contains($"Scrubber cannot start: {table}:66: 19 columns where a PPRRVU row has 32", server.Output, StringComparison.Ordinal);
        Assert.Single(server.Output.Split('\n'), l => l.Contains("Scrubber cannot start", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_MissingPatientKeySecret_ExitsOneNamingTheSetting()
    {
        using var server = Start("--Audit:PatientKeySecret=");

        await server.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, server.Process.ExitCode);
        Assert.Contains("Scrubber cannot start: Audit:PatientKeySecret must be set", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_DevelopmentKeyWithGrpcOnAllInterfaces_ExitsOneNamingTheSetting()
    {
        using var server = Start(
            "--Security:ApiKeys:1:Name=development",
            "--Security:ApiKeys:1:Hash=sha256:b23d194d5a4a6363d14c7d06c1d7494bc3f08034a0ebbbad1194d401755a99b0",
            "--Security:ApiKeys:1:Scopes:0=scrub",
            "--Kestrel:Endpoints:Grpc:Url=http://0.0.0.0:0");

        await server.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, server.Process.ExitCode);
        Assert.Contains(
            "Scrubber cannot start: Security:ApiKeys:1: the development key is configured and Kestrel:Endpoints:Grpc:Url is http://0.0.0.0:0, which is not loopback",
            server.Output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_GrpcAddressAlreadyInUse_ExitsOneWithOneLineNamingTheAddressAndSetting()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";
        using var server = Start($"--Kestrel:Endpoints:Grpc:Url={address}");

        await server.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, server.Process.ExitCode);
        Assert.Contains($"Scrubber cannot start: Failed to bind to address {address}: address already in use. (setting Kestrel:Endpoints:Grpc:Url)",
            server.Output, StringComparison.Ordinal);
        Assert.True(!server.Output.Contains("   at ", StringComparison.Ordinal), server.Output);
        Assert.DoesNotContain("Unhandled exception", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_AddressInUseWithDebugLogging_AlsoPrintsTheStackTrace()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        using var server = Start($"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}", "--Logging:LogLevel:Default=Debug");

        await server.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, server.Process.ExitCode);
        Assert.Contains("Scrubber cannot start: Failed to bind to address", server.Output, StringComparison.Ordinal);
        Assert.Contains("   at ", server.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Kestrel:Endpoints:Grpc:Url=not-a-url", "Scrubber cannot start: Invalid url: 'not-a-url' (setting Kestrel:Endpoints:Grpc:Url)")]
    [InlineData("--Scrub:MaxLinesPerClaim=many", "Scrubber cannot start: Failed to convert configuration value 'many' at 'Scrub:MaxLinesPerClaim' to type 'System.Int32'.")]
    [InlineData("--Outcomes:MaxUnmatchedListed=-1", "Scrubber cannot start: DataAnnotation validation failed for 'OutcomesOptions' members: 'MaxUnmatchedListed'")]
    [InlineData("--Ncci:Practitioner:0=/no/such/folder", "Scrubber cannot start: Ncci:Practitioner:0: '/no/such/folder' does not exist.")]
    [InlineData("--Packs:MaxConcurrentCostlyEvaluations=0", "Scrubber cannot start: Packs:MaxConcurrentCostlyEvaluations must be from 1 to 4096")]
    [InlineData("--Packs:CostlyPackCost=-1", "Scrubber cannot start: Packs:CostlyPackCost must be 0 or more")]
    [InlineData("--Packs:CostlyPackCost=high", "Scrubber cannot start: Failed to convert configuration value 'high' at 'Packs:CostlyPackCost'")]
    public async Task Process_BadSetting_ExitsOneWithOneLineNamingItAndNoStackTrace(string setting, string line)
    {
        using var server = Start(setting);

        await server.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, server.Process.ExitCode);
        Assert.Contains(line, server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", server.Output, StringComparison.Ordinal);
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(3).NextBytes(bytes);
        return bytes;
    }

    private ServerProcess Start(params string[] extra) => ServerProcess.Start([$"--Audit:Path={_data.File("audit.db")}", .. extra]);
}
