using System.Buffers.Binary;
using Google.Protobuf;
using Scrubber.V1;

namespace Scrubber.Load;

/// <summary>Request bodies for h2load (nghttp2's HTTP/2 load generator), which sends the same bytes on every request: a
/// protobuf message in gRPC's length-prefixed framing (one flag byte, 0 for uncompressed, then the message length as a
/// 4-byte big-endian number).</summary>
internal static class H2LoadBody
{
    /// <summary>The claim sent when no other is given: six lines of one date that hit edits of every kind in the bundled
    /// sample tables and packs (rules/ncci, rules/packs): 0030U bundled into 0001U (PTP, indicator 1: HARD_STOP), XS on
    /// 0034U bypassing the same (NCCI_PTP_BYPASSED), 0009U × 3 over its MUE of 2 (MUE_UNITS_EXCEEDED), and 93000 beside
    /// 99213 with no 25 (the acme-commercial pack's rule, WARNING). No patient id: the same claim sent again and again
    /// pairs with no history, so every call does the same work.</summary>
    public static Claim SampleClaim()
    {
        var claim = new Claim
        {
            ClaimId = "H2LOAD-0001",
            PayerId = "ACME01",
            BillingProviderNpi = "1234567893",
            Setting = Setting.Professional,
        };
        (string Code, string Modifier, string Charge, double Units, string Diagnosis)[] lines =
        [
            ("0001U", "", "300.00", 1, "C50.911"),
            ("0030U", "", "180.00", 1, "C50.911"),
            ("0034U", "XS", "150.00", 1, "C50.911"),
            ("0009U", "", "120.00", 3, "C50.911"),
            ("99213", "", "120.00", 1, "R07.9"),
            ("93000", "", "45.00", 1, "R07.9"),
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            var (code, modifier, charge, units, diagnosis) = lines[i];
            var line = new ClaimLine
            {
                LineId = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ProcedureCode = code,
                ServiceDate = "2026-07-14",
                Charge = charge,
                Units = units,
                DiagnosisCodes = { diagnosis },
            };
            if (modifier.Length > 0)
            {
                line.Modifiers.Add(modifier);
            }

            claim.Lines.Add(line);
        }

        return claim;
    }

    /// <summary><paramref name="message"/> in gRPC's framing: flag 0, the length (big-endian), the message.</summary>
    public static byte[] Frame(IMessage message)
    {
        var size = message.CalculateSize();
        var body = new byte[5 + size];
        body[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(1, 4), (uint)size);
        message.WriteTo(body.AsSpan(5));
        return body;
    }
}
