using System.Globalization;
using Scrubber.Core.Scrubbing;
using Proto = Scrubber.V1;

namespace Scrubber.Server.Grpc;

/// <summary>Maps a domain scrub result to the protobuf response.</summary>
internal static class ScrubResponseMapper
{
    public static Proto.ScrubClaimResponse ToResponse(string scrubId, string claimId, ScrubResult result)
    {
        var response = new Proto.ScrubClaimResponse
        {
            ScrubId = scrubId,
            ClaimId = claimId,
            Disposition = (Proto.Disposition)(int)result.Disposition,
            NcciVersion = string.Join(",", result.NcciVersions),
            Pack = result.Pack ?? string.Empty,
        };
        foreach (var edit in result.Edits)
        {
            response.Edits.Add(ToEdit(edit));
        }

        response.UnitsNotEvaluatedLineIds.AddRange(result.UnitsNotEvaluated);

        return response;
    }

    private static Proto.Edit ToEdit(Edit edit)
    {
        var proto = new Proto.Edit
        {
            EditType = edit.EditType,
            Severity = (Proto.Severity)(int)edit.Severity,
            LineId = edit.LineId,
            RelatedLineId = edit.RelatedLineId,
            Column1Code = edit.Column1Code,
            Column2Code = edit.Column2Code,
            Message = edit.Message,
            Source = edit.Source,
            BypassModifier = edit.BypassModifier ?? string.Empty,
            Rule = edit.Rule ?? string.Empty,
            RelatedClaimId = edit.RelatedClaimId ?? string.Empty,
            RecommendedAction = (Proto.RecommendedAction)(int)edit.Action,
        };
        if (edit.ModifierIndicator is { } indicator)
        {
            proto.ModifierIndicator = indicator;
        }

        if (edit.Row is { } row)
        {
            proto.EffectiveDate = Date(row.EffectiveDate);
            proto.DeletionDate = row.DeletionDate is { } deletion ? Date(deletion) : string.Empty;
            proto.Rationale = row.Rationale;
            proto.TableVersion = row.TableVersion;
        }

        if (edit.Mue is { } mue)
        {
            proto.Mue = mue.Entry.Value;
            proto.MueAdjudicationIndicator = (int)mue.Entry.Indicator;
            proto.UnitsCounted = mue.Units;
            proto.Rationale = mue.Entry.Rationale;
            proto.TableVersion = mue.TableVersion;
        }

        foreach (var suggestion in edit.SuggestedModifiers)
        {
            proto.SuggestedModifiers.Add(new Proto.SuggestedModifier
            {
                Modifier = suggestion.Modifier,
                LineId = suggestion.LineId,
                Reason = suggestion.Reason,
                ClaimId = suggestion.ClaimId,
            });
        }

        return proto;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
