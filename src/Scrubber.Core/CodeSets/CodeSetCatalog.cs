using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;
using Scrubber.Core.Claims;
using Scrubber.Core.Packs;

namespace Scrubber.Core.CodeSets;

/// <summary>The named code sets of this release, from <c>rules/codesets/</c> (built into the assembly, so the engine,
/// the packs and <c>scrubctl rules lint</c> always agree on them).</summary>
/// <remarks>Code sets change with the annual CPT and HCPCS releases, so they ship with a release rather than being
/// swapped live like packs; a test loads every file through the same schema and checks.</remarks>
public sealed class CodeSetCatalog
{
    private const string ResourcePrefix = "codesets/";
    private static readonly Lazy<CodeSetCatalog> Bundled = new(LoadBundled);
    private readonly FrozenDictionary<string, CodeSet> _sets;

    private CodeSetCatalog(FrozenDictionary<string, CodeSet> sets) => _sets = sets;

    /// <summary>The code sets built into this release.</summary>
    public static CodeSetCatalog Default => Bundled.Value;

    /// <summary>The set names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _sets.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The set named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">There is no such set.</exception>
    public CodeSet this[string name] =>
        _sets.TryGetValue(name, out var set) ? set : throw new KeyNotFoundException($"There is no code set '{name}' (known: {string.Join(", ", Names)}).");

    public bool TryGet(string name, out CodeSet set) => _sets.TryGetValue(name, out set!);

    /// <summary>Reads code set files (file name → JSON); errors name the file and line.</summary>
    public static CodeSetCatalog Load(IReadOnlyDictionary<string, string> files, List<PackError> errors)
    {
        var documents = new Dictionary<string, (string File, CodeSetDocument Document)>(StringComparer.Ordinal);
        foreach (var (file, json) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (PackJson.Read<CodeSetDocument>(json, PackJson.CodeSetSchema, file, errors) is not { } document)
            {
                continue;
            }

            if (!string.Equals(Path.GetFileNameWithoutExtension(file), document.Name, StringComparison.Ordinal))
            {
                errors.Add(new PackError(file, null, $"name '{document.Name}' must be the file's name"));
                continue;
            }

            documents[document.Name] = (file, document);
        }

        var sets = new Dictionary<string, CodeSet>(StringComparer.Ordinal);
        foreach (var name in documents.Keys)
        {
            Resolve(name, documents, sets, [], errors);
        }

        return new CodeSetCatalog(sets.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static CodeSet? Resolve(string name, Dictionary<string, (string File, CodeSetDocument Document)> documents,
        Dictionary<string, CodeSet> sets, HashSet<string> resolving, List<PackError> errors)
    {
        if (sets.TryGetValue(name, out var done))
        {
            return done;
        }

        var (file, document) = documents[name];
        if (!resolving.Add(name))
        {
            errors.Add(new PackError(file, null, $"include: '{name}' includes itself through {string.Join(" → ", resolving)}"));
            return null;
        }

        var ranges = ImmutableArray.CreateBuilder<CodeRange>();
        for (var i = 0; i < document.Entries.Count; i++)
        {
            var entry = document.Entries[i];
            var bounds = entry.Codes.Split('-');
            var low = HcpcsCode.Parse(bounds[0]);
            var high = HcpcsCode.Parse(bounds[^1]);
            if (high.Value < low.Value)
            {
                errors.Add(new PackError(file, null, $"entries.{i}.codes: '{entry.Codes}' ends before it starts"));
                continue;
            }

            ranges.Add(new CodeRange(low, high, entry.Category, entry.Source));
        }

        foreach (var included in document.Include ?? [])
        {
            if (!documents.ContainsKey(included))
            {
                errors.Add(new PackError(file, null, $"include: there is no code set '{included}'"));
            }
            else if (Resolve(included, documents, sets, resolving, errors) is { } other)
            {
                ranges.AddRange(other.Ranges);
            }
        }

        resolving.Remove(name);
        var set = new CodeSet(name, document.Description, ranges.ToImmutable());
        sets[name] = set;
        return set;
    }

    private static CodeSetCatalog LoadBundled()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            files["rules/" + resource] = reader.ReadToEnd();
        }

        var errors = new List<PackError>();
        var catalog = Load(files, errors);
        return errors.Count == 0
            ? catalog
            : throw new InvalidOperationException("The code sets built into this release are invalid: " + string.Join("; ", errors));
    }
}
