using System.Collections.Immutable;
using System.Security.Cryptography;
using Scrubber.Core.Claims;
using Scrubber.Core.Packs.Documents;
using Scrubber.Core.Packs.Sandbox;

namespace Scrubber.Core.Packs;

/// <summary>Loads one pack folder: <c>pack.json</c> and <c>examples/*.json</c>, schema-checked, parsed and compiled.</summary>
/// <remarks>The examples are parsed here and run by <see cref="PackExampleRunner"/>, which needs the NCCI tables.</remarks>
public static class PackLoader
{
    public const string PackFileName = "pack.json";
    public const string ExamplesFolder = "examples";

    /// <summary>The largest pack.json or example file read, in bytes. The shipped packs are a few KiB; a file of
    /// megabytes is a data dump or a wrong path, and reading it would hold up every other pack's reload.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>Loads and compiles the pack in <paramref name="folder"/> under the default <see cref="PackLimits"/>; the
    /// errors name file, rule and problem.</summary>
    public static PackLoadResult Load(string folder) => Load(folder, PackLimits.Default);

    /// <summary>Loads and compiles the pack in <paramref name="folder"/> under <paramref name="limits"/>; the errors name
    /// file, rule and problem.</summary>
    public static PackLoadResult Load(string folder, PackLimits limits)
    {
        var errors = new List<PackError>();
        var packFile = Path.Combine(folder, PackFileName);
        if (!File.Exists(packFile))
        {
            return PackLoadResult.Failed(new PackError(packFile, null, "the pack folder has no pack.json"));
        }

        var exampleFiles = Directory.Exists(Path.Combine(folder, ExamplesFolder))
            ? Directory.GetFiles(Path.Combine(folder, ExamplesFolder), "*.json").Order(StringComparer.Ordinal).ToArray()
            : [];
        if (TooLarge([packFile, .. exampleFiles]) is { } tooLarge)
        {
            return PackLoadResult.Failed(tooLarge);
        }

        string json;
        string version;
        try
        {
            json = File.ReadAllText(packFile);
            version = VersionOf([packFile, .. exampleFiles]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return PackLoadResult.Failed(new PackError(packFile, null, $"cannot be read: {ex.Message}"));
        }

        var document = PackJson.Read<PackDocument>(json, PackJson.PackSchema, packFile, errors);
        if (document is null)
        {
            return PackLoadResult.Failed([.. errors]);
        }

        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        if (!string.Equals(document.Id, folderName, StringComparison.Ordinal))
        {
            errors.Add(new PackError(packFile, null, $"id '{document.Id}' must be the same as the folder name '{folderName}'"));
        }

        // The parser and compiler recurse as deep as an expression nests; a deep stack keeps that a refusal, not a crash.
        var pack = DeepStack.Run(() => PackCompiler.Compile(document, folder, packFile, version, errors, limits));
        var examples = ReadExamples(Path.Combine(folder, ExamplesFolder), exampleFiles, document, errors);
        if (pack is null || errors.Count > 0)
        {
            return PackLoadResult.Failed([.. errors]);
        }

        pack.Examples = examples;
        return new PackLoadResult(pack, []);
    }

    /// <summary>An error for the first file over <see cref="MaxFileBytes"/>, before any of them is read.</summary>
    private static PackError? TooLarge(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            var length = new FileInfo(file).Length;
            if (length > MaxFileBytes)
            {
                return new PackError(file, null, $"is {length} bytes; a pack file may be at most {MaxFileBytes} bytes");
            }
        }

        return null;
    }

    /// <summary>The version of a pack: the start of a SHA-256 over its files, so any edit makes a new version.</summary>
    private static string VersionOf(IReadOnlyList<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file)));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    /// <summary>The lines of an example's earlier claims, each claim validated as the API would (its violations named
    /// <c>history[0].claim.…</c>), and the lines the store would hand a scrub: those of other claims than the example's.</summary>
    private static ImmutableArray<PriorLine> HistoryOf(IReadOnlyList<ClaimInput> claims, Claim? example, string file, List<PackError> errors)
    {
        var lines = ImmutableArray.CreateBuilder<PriorLine>();
        for (var i = 0; i < claims.Count; i++)
        {
            var sent = ClaimValidator.TryCreate(claims[i], ClaimLimits.Default, out var violations);
            errors.AddRange(violations.Select(v => new PackError(file, null, $"history[{i}].{v}")));
            if (sent is not null && (example is null || !example.ClaimsItStandsFor.Contains(sent.ClaimId, StringComparer.Ordinal)))
            {
                lines.AddRange(sent.Lines.Select(l => new PriorLine(sent.ClaimId, sent.BillingProviderNpi, l)));
            }
        }

        return lines.ToImmutable();
    }

    private static ImmutableArray<PackExample> ReadExamples(string examplesFolder, string[] files, PackDocument pack, List<PackError> errors)
    {
        var examples = ImmutableArray.CreateBuilder<PackExample>();
        var ruleNames = pack.Rules.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var document = PackJson.Read<ExampleDocument>(File.ReadAllText(file), PackJson.ExampleSchema, file, errors);
            if (document is null)
            {
                continue;
            }

            var claim = ClaimValidator.TryCreate(document.Claim, ClaimLimits.Default, out var violations);
            errors.AddRange(violations.Select(v => new PackError(file, null, v.ToString())));
            if (claim is not null && !pack.Payers.Contains(claim.PayerId, StringComparer.Ordinal))
            {
                errors.Add(new PackError(file, null, $"claim.payer_id '{claim.PayerId}' is not one of this pack's payers ({string.Join(", ", pack.Payers)})"));
            }

            foreach (var expected in document.Expect)
            {
                if ((expected.Rule is null) == (expected.Type is null))
                {
                    errors.Add(new PackError(file, expected.Rule, "each expected edit names either a rule or a type"));
                }
                else if (expected.Rule is not null && !ruleNames.Contains(expected.Rule))
                {
                    errors.Add(new PackError(file, expected.Rule, "the expected rule is not in pack.json"));
                }
            }

            var assumed = Ncci.AssumedTables.Build(document.Assumes ?? [], file, errors, out var assumedPairs);
            var history = HistoryOf(document.History ?? [], claim, file, errors);
            if (claim is not null)
            {
                examples.Add(new PackExample(file, document.Description, claim, [.. document.Expect])
                {
                    AssumedTables = assumed,
                    AssumedPairs = assumedPairs,
                    History = history,
                });
            }
        }

        // A rule no example shows firing is untested: it could be a rule that never fires.
        var before = errors.Count;
        foreach (var rule in pack.Rules.Where(r => !examples.Any(e => e.Expected.Any(x => x.Rule == r.Name))))
        {
            if (before == 0)
            {
                errors.Add(new PackError(examplesFolder, rule.Name, "no example expects this rule to fire; add an example claim that shows it"));
            }
        }

        return examples.ToImmutable();
    }
}
