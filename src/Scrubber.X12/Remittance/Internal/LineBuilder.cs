using System.Collections.Immutable;

namespace Scrubber.X12.Remittance.Internal;

/// <summary>Collects one SVC loop (2110): the SVC itself, then its DTM, CAS, REF and LQ segments.</summary>
internal sealed class LineBuilder
{
    private readonly X12Segment _svc;
    private readonly ParseContext _context;
    private readonly ImmutableArray<string> _procedure;
    private readonly ImmutableArray<Adjustment>.Builder _adjustments = ImmutableArray.CreateBuilder<Adjustment>();
    private readonly ImmutableArray<string>.Builder _remarks = ImmutableArray.CreateBuilder<string>();
    private DateOnly? _serviceDate;
    private DateOnly? _fromDate;
    private string? _controlNumber;

    public LineBuilder(X12Segment svc, ParseContext context)
    {
        _svc = svc;
        _context = context;
        var composite = ElementValues.RequiredText(svc, 1, "a procedure composite (HC:99213)");
        _procedure = Composites.Read(svc, 1, context);
        if (_procedure.Length < 2 || _procedure[1].Length == 0)
        {
            throw new X12FormatException(
                $"SVC01 '{ElementValues.Clip(composite)}' in the SVC at byte {svc.ByteOffset} has no procedure code after its qualifier; " +
                $"the component separator of this interchange (ISA16) is '{svc.Separators.Component}'",
                svc.ByteOffset,
                "SVC");
        }
    }

    public ImmutableArray<Adjustment>.Builder Adjustments => _adjustments;

    public void Date(X12Segment dtm)
    {
        switch (dtm.Element(1))
        {
            case "472":
                _serviceDate ??= ElementValues.Date(dtm, 2);
                break;
            case "150":
                _fromDate ??= ElementValues.Date(dtm, 2);
                break;
        }
    }

    public void Reference(X12Segment reference)
    {
        if (reference.Element(1) == "6R")
        {
            _controlNumber ??= ElementValues.Text(reference, 2);
        }
    }

    public void Remark(X12Segment lq)
    {
        if (lq.Element(1) == "HE" && ElementValues.Text(lq, 2) is { } code)
        {
            _remarks.Add(code);
        }
    }

    public ServicePayment Build(DateOnly? statementFrom)
    {
        var original = Composites.Read(_svc, 6, _context);
        return new ServicePayment(
            _procedure[0],
            _procedure[1],
            Modifiers(_procedure),

            // The Blue Cross NC sample has an SVC with SVC02/SVC03 empty whose claim totals count it as 0.
            ElementValues.AmountOrZero(_svc, 2),
            ElementValues.AmountOrZero(_svc, 3),
            ElementValues.Text(_svc, 4),
            ElementValues.Quantity(_svc, 5, _context.Options.MaxQuantity),
            original.Length > 1 && original[1].Length > 0 ? original[1] : null,
            Modifiers(original),
            _serviceDate ?? _fromDate ?? statementFrom,
            _controlNumber,
            _adjustments.DrainToImmutable(),
            _remarks.DrainToImmutable(),
            _svc.ByteOffset);
    }

    /// <summary>Components 3–6 of a procedure composite, the non-empty ones (component 7 is a description, not a modifier).</summary>
    private static ImmutableArray<string> Modifiers(ImmutableArray<string> composite)
    {
        if (composite.Length <= 2)
        {
            return [];
        }

        var modifiers = ImmutableArray.CreateBuilder<string>(4);
        for (var i = 2; i < Math.Min(composite.Length, 6); i++)
        {
            if (composite[i].Length > 0)
            {
                modifiers.Add(composite[i]);
            }
        }

        return modifiers.DrainToImmutable();
    }
}
