using System.Collections.Immutable;

namespace Scrubber.X12.Remittance.Internal;

/// <summary>Flattens a CAS segment: CAS01 is the group, then up to six reason/amount/quantity triplets (CAS02–CAS19).</summary>
internal static class AdjustmentReader
{
    private const int MaxTriplets = 6;

    public static void Read(X12Segment cas, ImmutableArray<Adjustment>.Builder into, ParseContext context)
    {
        var group = ElementValues.RequiredText(cas, 1, "an adjustment group code (CO, PR, OA, PI, CR)");
        for (var triplet = 0; triplet < MaxTriplets; triplet++)
        {
            var reasonAt = 2 + (3 * triplet);
            if (cas.Element(reasonAt).Length == 0 && cas.Element(reasonAt + 1).Length == 0 && cas.Element(reasonAt + 2).Length == 0)
            {
                continue;
            }

            var reason = ElementValues.RequiredText(cas, reasonAt, "a claim adjustment reason code");
            var amount = ElementValues.RequiredAmount(cas, reasonAt + 1);
            into.Add(new Adjustment(group, reason, amount, ElementValues.Quantity(cas, reasonAt + 2, context.Options.MaxQuantity)));
        }
    }
}
