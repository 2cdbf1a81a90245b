using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Scrubber.Core.Packs;

/// <summary>Reads pack and example files: JSON Schema first (errors with line numbers), then strict typed parsing.</summary>
internal static class PackJson
{
    public const string PackSchema = "pack.schema.json";
    public const string ExampleSchema = "example.schema.json";
    public const string CodeSetSchema = "codeset.schema.json";

    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Validates <paramref name="json"/> against an embedded schema and parses it; null with errors when either fails.</summary>
    public static T? Read<T>(string json, string schemaName, string file, List<PackError> errors)
        where T : class
    {
        var before = errors.Count;
        try
        {
            foreach (var error in Leaves(SchemaOf(schemaName).Validate(json)).OrderBy(e => e.LineNumber))
            {
                errors.Add(new PackError(file, null, Describe(error)));
            }
        }
        catch (Newtonsoft.Json.JsonReaderException ex)
        {
            errors.Add(new PackError(file, null, $"line {ex.LineNumber}, position {ex.LinePosition}: not valid JSON: {FirstSentence(ex.Message)}"));
        }

        if (errors.Count > before)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("the file holds null");
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"line {line + 1}: " : string.Empty;
            errors.Add(new PackError(file, null, $"{where}{FirstSentence(ex.Message)}"));
            return null;
        }
    }

    private static JsonSchema SchemaOf(string name) => Schemas.GetOrAdd(name, static n =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("schema/" + n)
            ?? throw new InvalidOperationException($"The embedded schema {n} is missing from the build.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    });

    /// <summary>The errors that say what is wrong: NJsonSchema nests them under "array item not valid" and the like.</summary>
    private static IEnumerable<ValidationError> Leaves(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child && child.Errors.Count > 0
            ? Leaves(child.Errors.SelectMany(c => c.Value))
            : [e]).DistinctBy(e => (e.Path, e.Kind, e.Property));

    private static string Describe(ValidationError error)
    {
        var path = string.IsNullOrEmpty(error.Path) ? "the file" : error.Path.TrimStart('#', '/').Replace('/', '.');
        var what = error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"'{error.Property}' is required",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => "is not a field here (check the spelling against the schema)",
            ValidationErrorKind.NotInEnumeration => "is not one of the allowed values",
            ValidationErrorKind.PatternMismatch => "does not have the required form",
            ValidationErrorKind.StringExpected => "must be text",
            ValidationErrorKind.BooleanExpected => "must be true or false",
            ValidationErrorKind.ArrayExpected => "must be a list",
            ValidationErrorKind.ObjectExpected => "must be an object",
            ValidationErrorKind.NumberExpected => "must be a number",
            ValidationErrorKind.TooFewItems => "needs at least one item",
            ValidationErrorKind.ItemsNotUnique => "lists an item twice",
            ValidationErrorKind.StringTooShort => "must not be empty",
            ValidationErrorKind.StringTooLong => "is too long",
            _ => error.Kind.ToString(),
        };
        return $"line {error.LineNumber}: {path}: {what}";
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
