using System.Collections.Immutable;
using Scrubber.Audit.Scrubs;
using Scrubber.Core.Claims;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Audit.Records;

/// <summary>The durable record of one scrub, written in one statement: the claim's lines and the edits in a compact
/// body. What many scrubs share (versions, each edit's type, source, rule and message template) is named by id and
/// stored once (<see cref="TemplateKey"/>, <see cref="VersionsKey"/>).</summary>
internal static class CompactRecord
{
    /// <summary>2 adds each line's taxonomy after its rendering NPI; 1 is still read (no taxonomy).</summary>
    private const byte Format = 2;
    private const byte NoIndicator = byte.MaxValue;

    /// <summary>What <paramref name="record"/> stores, its messages still as sent.</summary>
    public static StoredScrub Of(ScrubRecord record)
    {
        var claim = record.Claim;
        var result = record.Result;
        var lines = ImmutableArray.CreateBuilder<StoredLine>(claim.Lines.Length);
        for (var i = 0; i < claim.Lines.Length; i++)
        {
            var line = claim.Lines[i];
            lines.Add(new StoredLine(line.LineId, line.Code.ToString(), string.Join(' ', line.Modifiers), line.ServiceDate, line.RenderingProviderNpi,
                Money.ToCents(line.Charge, $"claim.lines[{i}].charge"), line.Units) { Taxonomy = line.RenderingProviderTaxonomy });
        }

        var edits = ImmutableArray.CreateBuilder<StoredEdit>(result.Edits.Length);
        foreach (var edit in result.Edits)
        {
            edits.Add(new StoredEdit(edit.EditType, edit.Severity.ToString(), edit.LineId, edit.RelatedLineId, edit.RelatedClaimId ?? string.Empty,
                edit.Column1Code, edit.Column2Code, edit.ModifierIndicator, edit.Source, edit.Rule ?? string.Empty, edit.BypassModifier ?? string.Empty, edit.Message));
        }

        return new StoredScrub(record.ScrubId, record.ScrubbedAt, claim.ClaimId, claim.PayerId, claim.BillingProviderNpi, record.PatientKey,
            claim.Setting.ToString(), result.Disposition.ToString(), claim.Frequency.ToString(), claim.OriginalClaimId, claim.PayerClaimControlNumber,
            string.Join(",", result.NcciVersions), result.Pack ?? string.Empty, lines.MoveToImmutable(), edits.MoveToImmutable());
    }

    /// <summary>The body of <paramref name="scrub"/>, and the versions and templates it names.</summary>
    public static (byte[] Body, VersionsKey Versions, TemplateKey[] Templates) Encode(StoredScrub scrub, string engineVersion)
    {
        var versions = VersionsKey.For(engineVersion, scrub.NcciVersions, scrub.Pack);
        var body = new BodyWriter();
        body.Byte(Format);
        body.Fixed64(versions.Id);
        body.String(scrub.PayerId);
        body.String(scrub.BillingNpi);
        WritePatientKey(body, scrub.PatientKey);
        body.Byte((byte)Enum.Parse<CareSetting>(scrub.Setting));
        body.Byte((byte)Enum.Parse<Disposition>(scrub.Disposition));
        body.Byte((byte)Enum.Parse<ClaimFrequency>(scrub.Frequency));
        body.String(scrub.OriginalClaimId);
        body.String(scrub.PayerClaimControlNumber);

        body.Varint((ulong)scrub.Lines.Length);
        foreach (var line in scrub.Lines)
        {
            body.String(line.LineId);
            body.String(line.Code);
            body.String(line.Modifiers);
            body.Signed(line.ServiceDate.DayNumber);
            body.String(line.RenderingNpi);
            body.String(line.Taxonomy);
            body.Signed(line.ChargeCents);
            body.Double(line.Units);
        }

        var templates = new TemplateKey[scrub.Edits.Length];
        body.Varint((ulong)scrub.Edits.Length);
        for (var i = 0; i < scrub.Edits.Length; i++)
        {
            var edit = scrub.Edits[i];
            var fields = edit.Fields();
            templates[i] = TemplateKey.For(engineVersion, edit.EditType, edit.Source, edit.Rule, MessageTemplate.Derive(edit.Message, fields));
            body.Fixed64(templates[i].Id);
            body.Byte((byte)Enum.Parse<Severity>(edit.Severity));
            foreach (var (_, value) in fields)
            {
                body.String(value);
            }

            body.Byte(edit.ModifierIndicator is { } mi and >= 0 and < NoIndicator ? (byte)mi : NoIndicator);
        }

        return (body.ToArray(), versions, templates);
    }

    /// <summary>Reads a body back, naming its versions and templates through <paramref name="dictionary"/>.</summary>
    /// <exception cref="InvalidDataException">The body is malformed, or names a template the store does not hold.</exception>
    public static StoredScrub Decode(string scrubId, string claimId, long scrubbedAtTicks, ReadOnlySpan<byte> bytes, RecordDictionary.Snapshot dictionary)
    {
        var body = new BodyReader(bytes);
        if (body.Byte() is var format && format is not (1 or Format))
        {
            throw new InvalidDataException($"Scrub {scrubId} has a record body of format {format}, which this build does not read.");
        }

        var versions = dictionary.Versions(body.Fixed64());
        var payerId = body.String();
        var billingNpi = body.String();
        var patientKey = ReadPatientKey(ref body);
        var setting = ((CareSetting)body.Byte()).ToString();
        var disposition = ((Disposition)body.Byte()).ToString();
        var frequency = ((ClaimFrequency)body.Byte()).ToString();
        var originalClaimId = body.String();
        var payerClaimControlNumber = body.String();

        var lines = ImmutableArray.CreateBuilder<StoredLine>(body.Count());
        for (var i = lines.Capacity; i > 0; i--)
        {
            var (lineId, code, modifiers, day, renderingNpi) = (body.String(), body.String(), body.String(), DateOnly.FromDayNumber(checked((int)body.Signed())), body.String());
            var taxonomy = format == Format ? body.String() : string.Empty;
            lines.Add(new StoredLine(lineId, code, modifiers, day, renderingNpi, body.Signed(), body.Double()) { Taxonomy = taxonomy });
        }

        var edits = ImmutableArray.CreateBuilder<StoredEdit>(body.Count());
        for (var i = edits.Capacity; i > 0; i--)
        {
            var template = dictionary.Template(body.Fixed64());
            var severity = ((Severity)body.Byte()).ToString();
            var fields = StoredEdit.FieldsOf(body.String(), body.String(), body.String(), body.String(), body.String(), body.String());
            var mi = body.Byte();
            edits.Add(new StoredEdit(template.EditType, severity, fields[0].Value, fields[1].Value, fields[2].Value, fields[3].Value, fields[4].Value,
                mi == NoIndicator ? null : mi, template.Source, template.Rule, fields[5].Value, MessageTemplate.Render(template.Text, fields)));
        }

        return new StoredScrub(scrubId, new DateTimeOffset(scrubbedAtTicks, TimeSpan.Zero), claimId, payerId, billingNpi, patientKey, setting, disposition,
            frequency, originalClaimId, payerClaimControlNumber, versions.NcciVersions, versions.Pack, lines.MoveToImmutable(), edits.MoveToImmutable());
    }

    /// <summary>The patient key is 64 hex digits (HMAC-SHA256): kept as its 32 bytes. Anything else is kept as text.</summary>
    private static void WritePatientKey(BodyWriter body, string key)
    {
        if (key.Length == 64 && key.All(char.IsAsciiHexDigitLower))
        {
            body.Byte(1);
            body.Bytes(Convert.FromHexString(key));
        }
        else
        {
            body.Byte(0);
            body.String(key);
        }
    }

    private static string ReadPatientKey(ref BodyReader body) =>
        body.Byte() == 1 ? Convert.ToHexStringLower(body.Span()) : body.String();
}
