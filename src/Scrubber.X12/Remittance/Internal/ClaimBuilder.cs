using System.Collections.Immutable;

namespace Scrubber.X12.Remittance.Internal;

/// <summary>Collects one CLP loop (2100): claim-level CAS, DTM and then the SVC loops.</summary>
internal sealed class ClaimBuilder(X12Segment clp, ParseContext context)
{
    private readonly ImmutableArray<Adjustment>.Builder _adjustments = ImmutableArray.CreateBuilder<Adjustment>();
    private readonly List<LineBuilder> _lines = [];
    private DateOnly? _statementFrom;
    private DateOnly? _statementTo;

    private LineBuilder? Current => _lines.Count > 0 ? _lines[^1] : null;

    public void StartLine(X12Segment svc) => _lines.Add(new LineBuilder(svc, context));

    /// <summary>A CAS belongs to the claim until the first SVC, and to the latest SVC after that.</summary>
    public void Adjust(X12Segment cas) => AdjustmentReader.Read(cas, Current?.Adjustments ?? _adjustments, context);

    public void Date(X12Segment dtm)
    {
        if (Current is { } line)
        {
            line.Date(dtm);
            return;
        }

        switch (dtm.Element(1))
        {
            case "232":
                _statementFrom ??= ElementValues.Date(dtm, 2);
                break;
            case "233":
                _statementTo ??= ElementValues.Date(dtm, 2);
                break;
        }
    }

    public void Reference(X12Segment reference) => Current?.Reference(reference);

    public void Remark(X12Segment lq) => Current?.Remark(lq);

    public ClaimPayment Build()
    {
        var lines = ImmutableArray.CreateBuilder<ServicePayment>(_lines.Count);
        foreach (var line in _lines)
        {
            lines.Add(line.Build(_statementFrom));
        }

        return new ClaimPayment(
            ElementValues.RequiredText(clp, 1, "a claim id (patient control number)"),
            ElementValues.RequiredText(clp, 2, "a claim status code"),

            // Payers send reversal stubs such as "CLP*090909*22~" with no amounts; they mean zero.
            ElementValues.AmountOrZero(clp, 3),
            ElementValues.AmountOrZero(clp, 4),
            ElementValues.Amount(clp, 5),
            ElementValues.Text(clp, 6),
            ElementValues.Text(clp, 7),
            _adjustments.DrainToImmutable(),
            lines.MoveToImmutable(),
            _statementFrom,
            _statementTo,
            clp.ByteOffset);
    }
}
