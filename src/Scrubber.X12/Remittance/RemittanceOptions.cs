namespace Scrubber.X12.Remittance;

/// <summary>How <see cref="Remittance835Parser"/> reads an 835.</summary>
public sealed record RemittanceOptions
{
    /// <summary>Lenient reading with the default bounds.</summary>
    public static RemittanceOptions Default { get; } = new();

    /// <summary>Whether every warning is an error instead (see <see cref="X12ReaderOptions.Strict"/>). Default false.</summary>
    public bool Strict { get; init; }

    /// <summary>The most units a quantity may carry in absolute value (SVC05 units paid, CAS adjusted quantities).
    /// Default 99,999, the bound claims are held to: a larger figure is a broken file, not a service.</summary>
    public decimal MaxQuantity { get; init; } = 99_999m;
}
