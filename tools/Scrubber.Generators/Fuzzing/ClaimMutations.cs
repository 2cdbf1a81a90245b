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
        BadDate, BadDate, BadUnits, BadCharge, Structure, Structure, Setting, Pairs, BadDateEnd, UnitsOverLimits,
        Context, Context, BadPointers, BadPointers, BadBirthDate, BadSex, ClaimDiagnoses,
    ];

    /// <summary>Diagnoses a claim may carry (HI, without the dot) and taxonomies of the professions the faker's codes suit.</summary>
    private static readonly string[] Diagnoses = ["F331", "F411", "I10", "E119", "Z0000", "J069", "M1711", "R079", "K219"];

    private static readonly string[] Taxonomies = ["207Q00000X", "103T00000X", "1041C0700X", "207RC0000X", "2084P0800X"];

    private static readonly string[] PlacesOfService = ["11", "02", "10", "21", "22", "23", "12", "99"];

    /// <summary>Codes of the shipped MUE excerpt (0001U MAI 2, 0009U MAI 3), so mutated claims also reach the MUE edits.</summary>
    private static readonly string[] MueCodes = ["0001U", "0009U", "0002M", "0016M"];

    /// <summary>The string fields of a claim, each as it is read and written.</summary>
    private static readonly (string Name, Func<Claim, string> Get, Action<Claim, string> Set)[] ClaimFields =
    [
        ("claim_id", c => c.ClaimId, (c, v) => c.ClaimId = v),
        ("payer_id", c => c.PayerId, (c, v) => c.PayerId = v),
        ("patient_id", c => c.PatientId, (c, v) => c.PatientId = v),
        ("billing_provider_npi", c => c.BillingProviderNpi, (c, v) => c.BillingProviderNpi = v),
        ("place_of_service", c => c.PlaceOfService, (c, v) => c.PlaceOfService = v),
        ("prior_authorization", c => c.PriorAuthorization, (c, v) => c.PriorAuthorization = v),
        ("rendering_provider_taxonomy", c => c.RenderingProviderTaxonomy, (c, v) => c.RenderingProviderTaxonomy = v),
        ("patient_birth_date", c => c.PatientBirthDate, (c, v) => c.PatientBirthDate = v),
    ];

    /// <summary>The string fields of a line.</summary>
    private static readonly (string Name, Func<ClaimLine, string> Get, Action<ClaimLine, string> Set)[] LineFields =
    [
        ("line_id", l => l.LineId, (l, v) => l.LineId = v),
        ("procedure_code", l => l.ProcedureCode, (l, v) => l.ProcedureCode = v),
        ("service_date", l => l.ServiceDate, (l, v) => l.ServiceDate = v),
        ("rendering_provider_npi", l => l.RenderingProviderNpi, (l, v) => l.RenderingProviderNpi = v),
        ("charge", l => l.Charge, (l, v) => l.Charge = v),
        ("place_of_service", l => l.PlaceOfService, (l, v) => l.PlaceOfService = v),
        ("rendering_provider_taxonomy", l => l.RenderingProviderTaxonomy, (l, v) => l.RenderingProviderTaxonomy = v),
    ];

    private static string ClaimString(Claim claim, Randomizer random) => HostileString(claim, ClaimFields, random, "");

    private static string LineString(Claim claim, Randomizer random)
    {
        if (claim.Lines.Count == 0)
        {
            return "no line to change";
        }

        var i = random.Int(0, claim.Lines.Count - 1);
        return HostileString(claim.Lines[i], LineFields, random, $"lines[{i}].");
    }

    /// <summary>Sets one of <paramref name="fields"/> of <paramref name="target"/> to a hostile value.</summary>
    private static string HostileString<T>(T target, (string Name, Func<T, string> Get, Action<T, string> Set)[] fields, Randomizer random, string path)
    {
        var (name, get, set) = random.ArrayElement(fields);
        var value = HostileValues.String(random, get(target));
        set(target, value);
        return $"{path}{name}={Show(value)}";
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

    /// <summary>A hostile last day of a line's span: not a date, before the line's date, a day short of or past the
    /// longest span, or a plain span.</summary>
    private static string BadDateEnd(Claim claim, Randomizer random) =>
        EachLine(claim, random, "service_date_end", l => l.ServiceDateEnd = random.Bool()
            ? HostileValues.Date(random)
            : (DateOnly.TryParseExact(l.ServiceDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) ? from : new DateOnly(2026, 7, 1))
                .AddDays(random.ArrayElement([-1, 0, 1, 30, 365, 366, random.Int(-400, 400)])).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Lines on MUE codes with many units, some spanning days, in every setting: claims that reach the MUE edits.</summary>
    private static string UnitsOverLimits(Claim claim, Randomizer random)
    {
        claim.Setting = random.ArrayElement([Scrubber.V1.Setting.Professional, Scrubber.V1.Setting.OutpatientHospital, Scrubber.V1.Setting.Dme]);
        foreach (var line in claim.Lines)
        {
            line.ProcedureCode = random.ArrayElement(MueCodes);
            line.Units = random.ArrayElement([1, 2, 3, 99_999, random.Int(1, 500)]);
            line.ServiceDate = "2026-07-20";
            line.ServiceDateEnd = random.Bool(0.3f) ? "2026-07-2" + random.Int(0, 9).ToString(CultureInfo.InvariantCulture) : string.Empty;
        }

        return $"lines on MUE codes, setting {claim.Setting}";
    }

    /// <summary>A valid claim context, as an 837P carries it: birth date, sex, place of service, the claim's diagnoses
    /// with each line pointing into them (its own codes cleared), taxonomy, and sometimes a prior authorization and a
    /// line's own place of service or taxonomy. Other mutations may then break any of it.</summary>
    private static string Context(Claim claim, Randomizer random)
    {
        claim.PatientBirthDate = new DateOnly(1920, 1, 1).AddDays(random.Int(0, 365 * 100)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        claim.PatientSex = random.ArrayElement([PatientSex.Female, PatientSex.Male, PatientSex.Unknown, PatientSex.Unspecified]);
        claim.PlaceOfService = random.ArrayElement(PlacesOfService);
        claim.RenderingProviderTaxonomy = random.ArrayElement(Taxonomies);
        claim.PriorAuthorization = random.Bool() ? $"PA-{random.Int(1, 999_999):D6}" : string.Empty;
        claim.DiagnosisCodes.Clear();
        claim.DiagnosisCodes.Add(random.ArrayElements(Diagnoses, random.Int(1, 4)));
        foreach (var line in claim.Lines)
        {
            line.DiagnosisCodes.Clear();
            line.DiagnosisPointers.Clear();
            line.DiagnosisPointers.Add(Enumerable.Range(1, claim.DiagnosisCodes.Count).Take(random.Int(1, 4)));
            line.PlaceOfService = random.Bool(0.2f) ? random.ArrayElement(PlacesOfService) : string.Empty;
            line.RenderingProviderTaxonomy = random.Bool(0.2f) ? random.ArrayElement(Taxonomies) : string.Empty;
        }

        return "a valid claim context";
    }

    /// <summary>Hostile diagnosis pointers: 0, negative, past the claim's diagnoses, over 12, the extremes, thousands,
    /// or pointers beside the line's own codes.</summary>
    private static string BadPointers(Claim claim, Randomizer random)
    {
        if (claim.Lines.Count == 0)
        {
            return "no line to change";
        }

        var i = random.Int(0, claim.Lines.Count - 1);
        var line = claim.Lines[i];
        var pointers = random.Int(0, 6) switch
        {
            0 => [0],
            1 => [-1],
            2 => [claim.DiagnosisCodes.Count + 1],
            3 => [13],
            4 => [int.MaxValue, int.MinValue],
            5 => Enumerable.Repeat(1, random.Int(5, 5000)).ToArray(),
            _ => (int[])[1],
        };
        line.DiagnosisPointers.Add(pointers);
        return $"lines[{i}].diagnosis_pointers gets {pointers.Length} pointer(s) from {pointers[0]}{(line.DiagnosisCodes.Count > 0 ? " beside its own codes" : "")}";
    }

    private static string BadBirthDate(Claim claim, Randomizer random)
    {
        claim.PatientBirthDate = random.Bool() ? HostileValues.Date(random) : HostileValues.String(random, claim.PatientBirthDate);
        return $"patient_birth_date={Show(claim.PatientBirthDate)}";
    }

    private static string BadSex(Claim claim, Randomizer random)
    {
        claim.PatientSex = (PatientSex)random.ArrayElement([-1, 0, 1, 2, 3, 4, 99, int.MaxValue, int.MinValue]);
        return $"patient_sex={(int)claim.PatientSex}";
    }

    /// <summary>The claim's diagnoses: one hostile code, thirteen or thousands of them.</summary>
    private static string ClaimDiagnoses(Claim claim, Randomizer random)
    {
        switch (random.Int(0, 2))
        {
            case 0:
                var value = HostileValues.String(random, random.ArrayElement(Diagnoses));
                claim.DiagnosisCodes.Add(value);
                return $"diagnosis_codes gets {Show(value)}";
            case 1:
                claim.DiagnosisCodes.Add(Enumerable.Repeat("I10", 13));
                return "thirteen claim diagnoses";
            default:
                claim.DiagnosisCodes.Add(Enumerable.Repeat("F331", random.Int(100, 5000)));
                return "thousands of claim diagnoses";
        }
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
