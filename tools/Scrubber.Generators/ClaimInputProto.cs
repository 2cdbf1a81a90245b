using Scrubber.Core.Claims;
using Claim = Scrubber.V1.Claim;
using ClaimLine = Scrubber.V1.ClaimLine;
using Setting = Scrubber.V1.Setting;

namespace Scrubber.Generators;

/// <summary>Maps a claim in the API's JSON shape (<see cref="ClaimInput"/>) to the protobuf claim the service takes.</summary>
public static class ClaimInputProto
{
    public static Claim From(ClaimInput input)
    {
        var claim = new Claim
        {
            ClaimId = input.ClaimId,
            PayerId = input.PayerId,
            PatientId = input.PatientId,
            BillingProviderNpi = input.BillingProviderNpi,
            Setting = Setting.Professional,
        };
        foreach (var line in input.Lines ?? [])
        {
            var proto = new ClaimLine
            {
                LineId = line.LineId,
                ProcedureCode = line.ProcedureCode,
                ServiceDate = line.ServiceDate,
                RenderingProviderNpi = line.RenderingProviderNpi,
                Charge = line.Charge,
                Units = line.Units,
            };
            proto.Modifiers.AddRange(line.Modifiers ?? []);
            proto.DiagnosisCodes.AddRange(line.DiagnosisCodes ?? []);
            claim.Lines.Add(proto);
        }

        return claim;
    }
}
