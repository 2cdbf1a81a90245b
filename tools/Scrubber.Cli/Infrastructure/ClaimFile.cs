using Google.Protobuf;
using Scrubber.V1;

namespace Scrubber.Cli;

/// <summary>Reads a claim written as protobuf JSON, reporting a bad file in one line that names it.</summary>
internal static class ClaimFile
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    /// <exception cref="CommandFailedException">The file cannot be read (exit 3), is not JSON (exit 1, with
    /// <c>FILE:LINE:COL</c>) or is not a claim (exit 1).</exception>
    public static async Task<Claim> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var json = await ReadTextAsync(path, cancellationToken).ConfigureAwait(false);

        // Protobuf's JSON parser says what is wrong but not where; System.Text.Json says where.
        if (JsonErrorLocation.FindSyntaxError(path, json) is { } located)
        {
            throw new CommandFailedException(ExitCodes.Problems, located);
        }

        try
        {
            return Parser.Parse<Claim>(json);
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidJsonException)
        {
            throw new CommandFailedException(ExitCodes.Problems, $"{path}: not a claim in protobuf JSON: {ex.Message}");
        }
    }

    /// <summary>The file's text.</summary>
    /// <exception cref="CommandFailedException">It cannot be read (exit 3).</exception>
    public static async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException(ExitCodes.Unavailable, $"{path}: cannot be read: {ex.Message}");
        }
    }
}
