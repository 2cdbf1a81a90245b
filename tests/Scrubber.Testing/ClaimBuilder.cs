using System.Collections.Immutable;
using Scrubber.Core.Claims;

namespace Scrubber.Testing;

/// <summary>Builds domain claims for engine tests; every line defaults to one date of service and the billing provider.</summary>
public sealed class ClaimBuilder
{
    public const string BillingNpi = "1234567893";
    private readonly List<ClaimLine> _lines = [];
    private CareSetting _setting = CareSetting.Professional;
    private DateOnly _date = new(2023, 6, 15);
    private string _claimId = "CLM-1";
    private string _patientId = "PATIENT-1";
    private string _payerId = "MEDICARE";

    /// <summary>Sets the claim id (CLM01), patient id and payer.</summary>
    public ClaimBuilder For(string claimId, string patientId = "PATIENT-1", string payerId = "MEDICARE")
    {
        (_claimId, _patientId, _payerId) = (claimId, patientId, payerId);
        return this;
    }

    public ClaimBuilder On(string date)
    {
        _date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        return this;
    }

    public ClaimBuilder Outpatient()
    {
        _setting = CareSetting.OutpatientHospital;
        return this;
    }

    public ClaimBuilder Dme()
    {
        _setting = CareSetting.Dme;
        return this;
    }

    /// <summary>Adds a line of <paramref name="units"/> units on the claim's date.</summary>
    public ClaimBuilder Units(string code, double units, params string[] modifiers)
    {
        _lines.Add(new ClaimLine($"L{_lines.Count + 1}", HcpcsCode.Parse(code), [.. modifiers], _date, string.Empty, 100m, units, []));
        return this;
    }

    /// <summary>Adds a line of <paramref name="units"/> units spanning the days from the claim's date to <paramref name="last"/>.</summary>
    public ClaimBuilder Spanning(string code, double units, string last)
    {
        _lines.Add(new ClaimLine($"L{_lines.Count + 1}", HcpcsCode.Parse(code), [], _date, string.Empty, 100m, units, [])
        {
            ServiceDateEnd = DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture),
        });
        return this;
    }

    /// <summary>Adds a line with id <c>L{n}</c>; modifiers are given as in the 837, e.g. "59" or "RT".</summary>
    public ClaimBuilder Line(string code, params string[] modifiers) => LineBy(code, string.Empty, modifiers);

    /// <summary>Adds a line rendered by <paramref name="renderingNpi"/>.</summary>
    public ClaimBuilder LineBy(string code, string renderingNpi, params string[] modifiers) => LineOn(code, _date, renderingNpi, modifiers);

    public ClaimBuilder LineOn(string code, DateOnly date, string renderingNpi, params string[] modifiers)
    {
        _lines.Add(new ClaimLine($"L{_lines.Count + 1}", HcpcsCode.Parse(code), [.. modifiers], date, renderingNpi, 100m, 1, []));
        return this;
    }

    /// <summary>Adds a line with a given id and charge, for remittance matching.</summary>
    public ClaimBuilder LineWith(string lineId, string code, decimal charge, params string[] modifiers)
    {
        _lines.Add(new ClaimLine(lineId, HcpcsCode.Parse(code), [.. modifiers], _date, string.Empty, charge, 1, []));
        return this;
    }

    public Claim Build() => new(_claimId, _payerId, _patientId, BillingNpi, _setting, _lines.ToImmutableArray());
}
