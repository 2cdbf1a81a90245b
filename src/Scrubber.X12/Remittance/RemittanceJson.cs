using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Scrubber.X12.Remittance;

/// <summary>Writes a <see cref="RemittanceFile"/> as the indented JSON that <c>scrubctl remit inspect --format json</c> prints.</summary>
/// <remarks>
/// Written field by field rather than serialized from the records so the shape is a contract of its own: renaming a
/// record member cannot change it. Claims of all transactions in file order; amounts are JSON numbers.
/// </remarks>
public static class RemittanceJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,

        // The output is read in a terminal or a file, never embedded in HTML: keep ids such as "A&B" readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(RemittanceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteNumber("transactions", file.Transactions.Length);
            writer.WriteStartArray("claims");
            foreach (var claim in file.Claims)
            {
                WriteClaim(writer, claim);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteClaim(Utf8JsonWriter writer, ClaimPayment claim)
    {
        writer.WriteStartObject();
        writer.WriteString("claimId", claim.ClaimId);
        writer.WriteString("status", claim.Status);
        writer.WriteNumber("charge", claim.Charge);
        writer.WriteNumber("paid", claim.Paid);
        writer.WriteString("payerClaimNumber", claim.PayerClaimNumber);
        WriteAdjustments(writer, claim.Adjustments);
        writer.WriteStartArray("lines");
        foreach (var line in claim.Lines)
        {
            WriteLine(writer, line);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteLine(Utf8JsonWriter writer, ServicePayment line)
    {
        writer.WriteStartObject();
        writer.WriteString("lineControlNumber", line.LineControlNumber);
        writer.WriteString("procedureCode", line.ProcedureCode);
        WriteStrings(writer, "modifiers", line.Modifiers);
        writer.WriteString("serviceDate", line.ServiceDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteNumber("charge", line.Charge);
        writer.WriteNumber("paid", line.Paid);
        writer.WriteString("originalProcedureCode", line.OriginalProcedureCode);
        WriteAdjustments(writer, line.Adjustments);
        WriteStrings(writer, "remarkCodes", line.RemarkCodes);
        writer.WriteEndObject();
    }

    private static void WriteAdjustments(Utf8JsonWriter writer, IEnumerable<Adjustment> adjustments)
    {
        writer.WriteStartArray("adjustments");
        foreach (var adjustment in adjustments)
        {
            writer.WriteStartObject();
            writer.WriteString("group", adjustment.Group);
            writer.WriteString("reason", adjustment.Reason);
            writer.WriteNumber("amount", adjustment.Amount);
            if (adjustment.Quantity is { } quantity)
            {
                writer.WriteNumber("quantity", quantity);
            }
            else
            {
                writer.WriteNull("quantity");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
