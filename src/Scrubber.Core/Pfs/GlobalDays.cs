namespace Scrubber.Core.Pfs;

/// <summary>A code's global surgery period, the PPRRVU GLOB DAYS column (domain.md §5).</summary>
public enum GlobalDays
{
    /// <summary>000: endoscopy or minor procedure; the package covers the day of the procedure only.</summary>
    Zero = 0,

    /// <summary>010: minor procedure; the day of the procedure and 10 days after.</summary>
    Ten = 1,

    /// <summary>090: major surgery; the day before, the day of and 90 days after.</summary>
    Ninety = 2,

    /// <summary>MMM: maternity; the usual global surgery rules do not apply.</summary>
    Maternity = 3,

    /// <summary>XXX: the global concept does not apply (E/M, labs, imaging, most medicine codes).</summary>
    NotApplicable = 4,

    /// <summary>YYY: the contractor (or the payer) sets the period.</summary>
    CarrierSet = 5,

    /// <summary>ZZZ: part of another service, inside that service's global period (add-on codes).</summary>
    WithinAnotherService = 6,
}

/// <summary>How CMS writes <see cref="GlobalDays"/>.</summary>
public static class GlobalDaysText
{
    /// <summary>The number of <see cref="GlobalDays"/> values, for counts indexed by value.</summary>
    public const int Count = 7;

    /// <summary>The value CMS writes: 000, 010, 090, MMM, XXX, YYY or ZZZ.</summary>
    public static string Of(GlobalDays days) => days switch
    {
        GlobalDays.Zero => "000",
        GlobalDays.Ten => "010",
        GlobalDays.Ninety => "090",
        GlobalDays.Maternity => "MMM",
        GlobalDays.CarrierSet => "YYY",
        GlobalDays.WithinAnotherService => "ZZZ",
        _ => "XXX",
    };

    /// <summary>Reads a GLOB DAYS cell exactly as CMS writes it (upper case accepted in any case); false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out GlobalDays days)
    {
        days = GlobalDays.NotApplicable;
        if (text.Length != 3)
        {
            return false;
        }

        Span<char> upper = stackalloc char[3];
        text.ToUpperInvariant(upper);
        switch (upper)
        {
            case "000": days = GlobalDays.Zero; return true;
            case "010": days = GlobalDays.Ten; return true;
            case "090": days = GlobalDays.Ninety; return true;
            case "MMM": days = GlobalDays.Maternity; return true;
            case "XXX": days = GlobalDays.NotApplicable; return true;
            case "YYY": days = GlobalDays.CarrierSet; return true;
            case "ZZZ": days = GlobalDays.WithinAnotherService; return true;
            default: return false;
        }
    }

    /// <summary>Days after the day of surgery inside the period: 0, 10 or 90; null when the code has no period of its own.</summary>
    public static int? PostOperativeDays(this GlobalDays days) => days switch
    {
        GlobalDays.Zero => 0,
        GlobalDays.Ten => 10,
        GlobalDays.Ninety => 90,
        _ => null,
    };
}
