using System.Globalization;
using System.Text.Json.Nodes;

namespace Scrubber.Testing;

/// <summary>Writes small packs of many alike rules, as a rule author could: for tests of what a pack may cost.</summary>
public static class SyntheticPacks
{
    /// <summary>Writes pack <paramref name="packId"/> for <paramref name="payerId"/> under <paramref name="root"/>:
    /// <paramref name="rules"/> line rules named <c>rule-001</c>… on <paramref name="code"/> (or every code when null),
    /// each with <paramref name="expression"/> and an info edit, and one example of one line of <paramref name="code"/>
    /// on which every rule fires. Returns the pack folder.</summary>
    public static string WriteLineRules(string root, string packId, string payerId, int rules, string? code, string expression)
    {
        var folder = Path.Combine(root, packId);
        Directory.CreateDirectory(Path.Combine(folder, "examples"));
        var ruleNodes = new JsonArray();
        var expect = new JsonArray();
        for (var i = 1; i <= rules; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"rule-{i:D3}");
            var rule = new JsonObject
            {
                ["name"] = name,
                ["scope"] = "line",
                ["expression"] = expression,
                ["edit"] = new JsonObject { ["type"] = "PAYER_RULE", ["severity"] = "info", ["message"] = $"{name} on line {{line.LineId}}" },
            };
            if (code is not null)
            {
                rule["codes"] = new JsonArray(code);
            }

            ruleNodes.Add(rule);
            expect.Add(new JsonObject { ["rule"] = name, ["line"] = "1", ["severity"] = "info" });
        }

        var pack = new JsonObject { ["id"] = packId, ["name"] = $"Synthetic pack {packId}", ["payers"] = new JsonArray(payerId), ["ncciTable"] = "none", ["rules"] = ruleNodes };
        File.WriteAllText(Path.Combine(folder, "pack.json"), pack.ToJsonString());
        var example = new JsonObject
        {
            ["description"] = "Every rule fires on the one line.",
            ["claim"] = new JsonObject
            {
                ["claimId"] = "SYN-1",
                ["payerId"] = payerId,
                ["billingProviderNpi"] = "1234567893",
                ["lines"] = new JsonArray(new JsonObject
                {
                    ["lineId"] = "1", ["procedureCode"] = code ?? "99213", ["serviceDate"] = "2026-07-01", ["charge"] = "100.00", ["units"] = 1,
                }),
            },
            ["expect"] = expect,
        };
        File.WriteAllText(Path.Combine(folder, "examples", "every-rule.json"), example.ToJsonString());
        return folder;
    }
}
