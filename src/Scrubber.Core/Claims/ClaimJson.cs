using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scrubber.Core.Claims;

/// <summary>Reads a claim written as the API's JSON (<c>scrubber.v1.Claim</c> in protobuf JSON: claimId, lines, …).</summary>
public static class ClaimJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>Parses the JSON; the exception message names the line and the field that is wrong.</summary>
    /// <exception cref="JsonException">The text is not a claim in that JSON.</exception>
    public static ClaimInput Parse(string json) =>
        JsonSerializer.Deserialize<ClaimInput>(json, Options) ?? throw new JsonException("The file holds null, not a claim.");
}
