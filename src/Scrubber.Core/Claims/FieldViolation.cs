namespace Scrubber.Core.Claims;

/// <summary>One field of a claim that is wrong: its path as the API names it (<c>claim.lines[2].service_date</c>) and why.</summary>
public sealed record FieldViolation(string Field, string Description)
{
    public override string ToString() => $"{Field} {Description}";
}
