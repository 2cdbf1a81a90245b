using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scrubber.X12.Remittance;

namespace Scrubber.Cli;

/// <summary><c>remit inspect --format json</c>: the X12 library's JSON of the file, with a <c>warnings</c> array added
/// at the end; every other member keeps the shape and text <see cref="RemittanceJson"/> gives it.</summary>
internal static class RemittanceWarningsJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,

        // As RemittanceJson: read in a terminal or a file, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(RemittanceFile file)
    {
        var root = JsonNode.Parse(RemittanceJson.Write(file))!.AsObject();
        var warnings = new JsonArray();
        foreach (var warning in file.Warnings)
        {
            warnings.Add(new JsonObject
            {
                ["code"] = warning.Code,
                ["byteOffset"] = warning.ByteOffset,
                ["segment"] = warning.Segment,
                ["message"] = warning.Message,
            });
        }

        root["warnings"] = warnings;
        return root.ToJsonString(Options);
    }
}
