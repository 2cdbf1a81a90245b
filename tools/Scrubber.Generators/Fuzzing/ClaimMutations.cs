using System.Collections.Immutable;
using System.Globalization;
using Bogus;
using Scrubber.V1;

namespace Scrubber.Generators.Fuzzing;

/// <summary>The field-level mutations <see cref="ClaimMutator"/> applies; each changes the claim and says what it did.</summary>
internal static class ClaimMutations
{
    /// <summary>Lines the service accepts by default (Scrub:MaxLinesPerClaim); one more must be refused.</summary>
    private const int DefaultMaxLines = 50;

    /// <summary>Codes of NCCI pairs in the shipped sample table, so mutated claims also reach the edit engine.</summary>
    private static readonly string[] PairCodes = ["0001U", "0030U", "0001A", "36591", "99213", "93000"];

    public static ImmutableArray<Func<Claim, Randomizer, string>> All { get; } =
    [
        ClaimString, ClaimString, LineString, LineString, LineString, ListItem, ListItem,
        BadDate, BadDate, BadUnits, BadCharge, Structure, Structure, Setting, Pairs,
    ];

    private static string ClaimString(Claim claim, Randomizer random)
    {
        var (name, value) = random.Int(0, 3) switch
        {
            0 => ("claim_id", claim.ClaimId = HostileValues.String(random, claim.ClaimId)),
            1 => ("payer_id", claim.PayerId = HostileValues.String(random, claim.PayerId)),
            2 => ("patient_id", claim.PatientId = HostileValues.String(random, claim.PatientId)),
            _ => ("billing_provider_npi", claim.BillingProviderNpi = HostileValues.String(random, claim.BillingProviderNpi)),
        };
        return $"{name}={Show(value)}";
    }

    private static string LineString(Claim claim, Randomizer random)
    {
        if (claim.Lines.Count == 0)
        {
            return "no line to change";
        }

        var i = random.Int(0, claim.Lines.Count - 1);
        var line = claim.Lines[i];
        var (name, value) = random.Int(0, 4) switch
        {
            0 => ("line_id", line.LineId = HostileValues.String(random, line.LineId)),
            1 => ("procedure_code", line.ProcedureCode = HostileValues.String(random, line.ProcedureCode)),
            2 => ("service_date", line.ServiceDate = HostileValues.String(random, line.ServiceDate)),
            3 => ("rendering_provider_npi", line.RenderingProviderNpi = HostileValues.String(random, line.RenderingProviderNpi)),
            _ => ("charge", line.Charge = HostileValues.String(random, line.Charge)),
        };
        return $"lines[{i}].{name}={Show(value)}";
    }

    private static string ListItem(Claim claim, Randomizer random)
    {
        if (claim.Lines.Count == 0)
        {
            return "no line to change";
        }

        var i = random.Int(0, claim.Lines.Count - 1);
        var (name, list) = random.Bool() ? ("modifiers", claim.Lines[i].Modifiers) : ("diagnosis_codes", claim.Lines[i].DiagnosisCodes);
        var value = HostileValues.String(random, list.Count > 0 ? list[0] : "25");
        if (list.Count > 0 && random.Bool())
        {
            list[0] = value;
        }
        else
        {
            list.Add(value);
        }

        return $"lines[{i}].{name} gets {Show(value)}";
    }

    private static string BadDate(Claim claim, Randomizer random) => EachLine(claim, random, "service_date", l => l.ServiceDate = HostileValues.Date(random));

    private static string BadCharge(Claim claim, Randomizer random) => EachLine(claim, random, "charge", l => l.Charge = HostileValues.Charge(random));

    private static string BadUnits(Claim claim, Randomizer random) =>
        EachLine(claim, random, "units", l => (l.Units = HostileValues.Unit(random)).ToString(CultureInfo.InvariantCulture));

    private static string Structure(Claim claim, Randomizer random)
    {
        var first = claim.Lines.Count > 0 ? claim.Lines[0] : new ClaimLine { LineId = "1", ProcedureCode = "99213", ServiceDate = "2026-07-01", Charge = "1.00", Units = 1 };
        switch (random.Int(0, 9))
        {
            case 0:
                claim.Lines.Clear();
                return "no lines";
            case 1:
                return AddCopies(claim, first, DefaultMaxLines + 1 - claim.Lines.Count, "lines up to the limit plus one");
            case 2:
                return AddCopies(claim, first, random.Int(60, 600), "hundreds of lines");
            case 3:
                claim.Lines.Add(first.Clone());
                return "a line repeated with its id";
            case 4:
                claim.Lines.Add(new ClaimLine());
                return "an empty line";
            case 5:
                first.Modifiers.AddRange(["25", "59", "XS", "RT", "LT"]);
                return "five or more modifiers";
            case 6:
                first.Modifiers.AddRange(Enumerable.Repeat("59", random.Int(100, 2000)));
                return "thousands of modifiers";
            case 7:
                first.DiagnosisCodes.AddRange(Enumerable.Repeat("I10", random.Int(13, 2000)));
                return "too many diagnosis codes";
            case 8:
                foreach (var line in claim.Lines)
                {
                    line.LineId = first.LineId;
                }

                return "every line with the same id";
            default:
                first.Modifiers.AddRange(Enumerable.Repeat("\0\0", 3));
                return "NUL modifiers";
        }
    }

    private static string Setting(Claim claim, Randomizer random)
    {
        claim.Setting = (Setting)random.ArrayElement([-1, 0, 1, 2, 3, 99, int.MaxValue, int.MinValue]);
        return $"setting={(int)claim.Setting}";
    }

    /// <summary>Lines on pairs of the sample table, one date, some with the pair's modifiers: claims that reach NCCI.</summary>
    private static string Pairs(Claim claim, Randomizer random)
    {
        foreach (var line in claim.Lines)
        {
            line.ProcedureCode = random.ArrayElement(PairCodes);
            line.ServiceDate = random.ArrayElement(["2023-06-15", "2026-07-20", claim.Lines[0].ServiceDate]);
        }

        return "lines on NCCI pairs";
    }

    private static string AddCopies(Claim claim, ClaimLine template, int count, string what)
    {
        var start = claim.Lines.Count;
        for (var i = 0; i < count; i++)
        {
            var copy = template.Clone();
            copy.LineId = $"C{start + i}";
            claim.Lines.Add(copy);
        }

        return what;
    }

    private static string EachLine(Claim claim, Randomizer random, string name, Func<ClaimLine, string> change)
    {
        if (claim.Lines.Count == 0)
        {
            return "no line to change";
        }

        var i = random.Int(0, claim.Lines.Count - 1);
        return $"lines[{i}].{name}={Show(change(claim.Lines[i]))}";
    }

    /// <summary>The value as a failure report shows it: escaped and cut, so a NUL or 10,000 characters stay readable.</summary>
    private static string Show(string value)
    {
        var escaped = string.Concat(value.Take(24).Select(c => char.IsControl(c) || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
        return value.Length > 24 ? $"\"{escaped}…\"({value.Length})" : $"\"{escaped}\"";
    }
}
