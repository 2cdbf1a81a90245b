using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scrubber.Generators;

/// <summary>Writes a payer rule pack of any number of rules, with one example claim per rule that fires it, in the
/// format rule authors write (for benchmarks and load runs of the pack engine at size).</summary>
/// <remarks>
/// Rules cycle through the shapes real packs use: a pair bundle unless a distinct-service modifier is present, a
/// units cap on a line, a diagnosis the payer does not cover for a code, and a pair that needs 25 on the other line.
/// Each rule has its own codes, so its example fires it and no other rule.
/// </remarks>
public static class PackGenerator
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes <c>pack.json</c> and <c>examples/</c> into <paramref name="folder"/>; its name is the pack id.</summary>
    /// <param name="folder">The pack folder (created); its name must be a valid pack id.</param>
    /// <param name="payerId">The payer the pack scrubs.</param>
    /// <param name="codePairs">Distinct code pairs to write rules on, at least <paramref name="rules"/>; a rule uses
    /// pair <c>i</c>. Claims built from the same pairs trigger the rules.</param>
    /// <param name="rules">How many rules.</param>
    /// <param name="readsHistory">Whether the units rules also count the patient's sent lines of the code in the year
    /// before (<c>TimesBilled</c>), so a scrub of the pack's claims reads a year of history.</param>
    public static void Write(string folder, string payerId, IReadOnlyList<(string Code, string OtherCode)> codePairs, int rules, bool readsHistory = false)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rules, codePairs.Count);
        var examples = Path.Combine(folder, "examples");
        Directory.CreateDirectory(examples);
        var ruleNodes = new JsonArray();
        for (var i = 0; i < rules; i++)
        {
            var (code, other) = codePairs[i];
            var name = string.Create(CultureInfo.InvariantCulture, $"rule-{i + 1:D3}");
            ruleNodes.Add(Rule(i % 4, name, code, other, readsHistory));
            File.WriteAllText(Path.Combine(examples, name + ".json"), Example(i % 4, payerId, name, code, other).ToJsonString(Indented));
        }

        var pack = new JsonObject
        {
            ["id"] = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)),
            ["name"] = $"Generated pack of {rules} rules for {payerId}",
            ["payers"] = new JsonArray(payerId),
            ["ncciTable"] = "practitioner",
            ["rules"] = ruleNodes,
        };
        File.WriteAllText(Path.Combine(folder, "pack.json"), pack.ToJsonString(Indented));
    }

    /// <summary>Writes a costly pack into <paramref name="folder"/>: <paramref name="rules"/> line rules that run on every
    /// line (no codes) and each walk a list of <paramref name="listItems"/> modifiers no generated claim carries, so they
    /// cost the most the vocabulary allows and never fire on load-run claims. One example, whose line carries the first
    /// listed modifier, fires them all. For runs of the evaluation budget: a service loads it only with a raised
    /// <c>Packs:MaxEvaluationCost</c> (and <c>Packs:MaxListItems</c> above 100).</summary>
    public static void WriteCostly(string folder, string payerId, int rules, int listItems)
    {
        // Letter-digit pairs: no real-world claim the generators write carries one.
        var modifiers = Enumerable.Range(0, listItems).Select(i => string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + (i / 10 % 26))}{i % 10}")).ToArray();
        var expression = $"line.HasAnyModifier(\"{string.Join(' ', modifiers)}\")";
        var ruleNodes = new JsonArray();
        var expect = new JsonArray();
        for (var i = 0; i < rules; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"costly-{i + 1:D3}");
            ruleNodes.Add(new JsonObject
            {
                ["name"] = name,
                ["scope"] = "line",
                ["expression"] = expression,
                ["edit"] = new JsonObject { ["type"] = "PAYER_RULE", ["severity"] = "info", ["message"] = "{line.Code} (line {line.LineId}) carries a listed modifier." },
            });
            expect.Add(new JsonObject { ["rule"] = name, ["line"] = "1", ["severity"] = "info" });
        }

        var line = Line("1", "99213", units: 1, diagnosis: "I10");
        line["modifiers"] = new JsonArray(modifiers[0]);
        Directory.CreateDirectory(Path.Combine(folder, "examples"));
        File.WriteAllText(Path.Combine(folder, "examples", "every-rule.json"), new JsonObject
        {
            ["description"] = "A line carrying the first listed modifier fires every rule.",
            ["claim"] = new JsonObject { ["claimId"] = "GEN-COSTLY", ["payerId"] = payerId, ["billingProviderNpi"] = "1234567893", ["lines"] = new JsonArray(line) },
            ["expect"] = expect,
        }.ToJsonString(Indented));
        File.WriteAllText(Path.Combine(folder, "pack.json"), new JsonObject
        {
            ["id"] = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)),
            ["name"] = $"Costly generated pack of {rules} rules for {payerId}",
            ["payers"] = new JsonArray(payerId),
            ["ncciTable"] = "none",
            ["rules"] = ruleNodes,
        }.ToJsonString(Indented));
    }

    /// <summary>The pairs none of whose codes appeared in an earlier pair, in order: each rule then has codes of its own.</summary>
    public static IReadOnlyList<(string Code, string OtherCode)> PairsWithOwnCodes(IEnumerable<(string, string)> pairs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. pairs.Where(p => seen.Add(p.Item1) & seen.Add(p.Item2))];
    }

    private static JsonObject Rule(int shape, string name, string code, string other, bool readsHistory) => shape switch
    {
        0 => PairRule(name, code, other, "!line.HasAnyModifier(\"XE XS XU 59\")", "PAYER_BUNDLE", "XS",
            "The services were on separate structures."),
        1 when readsHistory => LineRule(name, code, $"line.Units > 1 || line.TimesBilled(\"{code}\", 365) >= 2", "PAYER_UNITS",
            "Billed more than once a day, or more than twice in a year."),
        1 => LineRule(name, code, "line.Units > 1", "PAYER_UNITS", "Billed more than once a day."),
        2 => LineRule(name, code, "line.HasDiagnosisStartingWith(\"R51 R52\")", "PAYER_NOT_COVERED", "Not covered for this diagnosis."),
        _ => PairRule(name, code, other, "!other.HasModifier(\"25\")", "PAYER_BUNDLE", "25",
            "The other service was significant and separately identifiable."),
    };

    private static JsonObject PairRule(string name, string code, string other, string expression, string type, string modifier, string reason) => new()
    {
        ["name"] = name,
        ["scope"] = "pair",
        ["codes"] = new JsonArray(code),
        ["otherCodes"] = new JsonArray(other),
        ["expression"] = expression,
        ["edit"] = new JsonObject
        {
            ["type"] = type,
            ["severity"] = "warning",
            ["message"] = "{line.Code} (line {line.LineId}) is bundled into {other.Code} (line {other.LineId}).",
            ["suggest"] = new JsonArray(new JsonObject { ["modifier"] = modifier, ["on"] = modifier == "25" ? "other" : "line", ["reason"] = reason }),
        },
    };

    private static JsonObject LineRule(string name, string code, string expression, string type, string message) => new()
    {
        ["name"] = name,
        ["scope"] = "line",
        ["codes"] = new JsonArray(code),
        ["expression"] = expression,
        ["edit"] = new JsonObject { ["type"] = type, ["severity"] = "hardStop", ["message"] = "{line.Code} (line {line.LineId}): " + message },
    };

    /// <summary>A claim that fires rule <paramref name="name"/> once, on line 1.</summary>
    private static JsonObject Example(int shape, string payerId, string name, string code, string other)
    {
        var lines = new JsonArray(Line("1", code, units: shape == 1 ? 3 : 1, diagnosis: shape == 2 ? "R51.9" : "I10"));
        if (shape is 0 or 3)
        {
            lines.Add(Line("2", other, units: 1, diagnosis: "I10"));
        }

        return new JsonObject
        {
            ["description"] = $"Fires {name}.",
            ["claim"] = new JsonObject
            {
                ["claimId"] = "GEN-" + name,
                ["payerId"] = payerId,
                ["billingProviderNpi"] = "1234567893",
                ["lines"] = lines,
            },
            ["expect"] = new JsonArray(new JsonObject
            {
                ["rule"] = name,
                ["line"] = "1",
                ["severity"] = shape is 1 or 2 ? "hardStop" : "warning",
            }),
        };
    }

    private static JsonObject Line(string id, string code, int units, string diagnosis) => new()
    {
        ["lineId"] = id,
        ["procedureCode"] = code,
        ["serviceDate"] = "2026-07-20",
        ["charge"] = "100.00",
        ["units"] = units,
        ["diagnosisCodes"] = new JsonArray(diagnosis),
    };
}
