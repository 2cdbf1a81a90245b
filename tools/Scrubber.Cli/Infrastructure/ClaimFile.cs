using Google.Protobuf;
using Scrubber.V1;

namespace Scrubber.Cli;

/// <summary>Reads a claim written as protobuf JSON, reporting a bad file in one line that names it.</summary>
internal static class ClaimFile
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static async Task<Claim?> ReadAsync(string path, CliConsole console, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"{path}: cannot be read: {ex.Message}").ConfigureAwait(false);
            return null;
        }

        try
        {
            return Parser.Parse<Claim>(json);
        }
        catch (InvalidProtocolBufferException ex)
        {
            await console.Error.WriteLineAsync($"{path}: not a claim in protobuf JSON: {ex.Message}").ConfigureAwait(false);
            return null;
        }
    }
}
