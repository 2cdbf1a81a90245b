using Scrubber.Core.Claims;

namespace Scrubber.Core.AddOnCodes;

/// <summary>One row of an add-on code file as read: an add-on, its edit type, one primary (none on a type 2 row) and
/// the dates of the add-on, the primary and the edit.</summary>
internal readonly record struct AddOnCodeRow(
    HcpcsCode AddOn,
    AddOnEditType Type,
    HcpcsCode? Primary,
    DateOnly? AddOnDeleted,
    DateOnly? PrimaryDeleted,
    DateOnly Effective,
    DateOnly? Deleted,
    string? Notes)
{
    /// <summary>Whether the edit is in force for the add-on on <paramref name="date"/>: effective, not deleted, and the
    /// add-on code itself not deleted. Deletion dates are the last day in force, as in the PTP files (domain.md §2.2).</summary>
    public bool InForce(DateOnly date) =>
        Effective <= date && (Deleted is not { } deleted || date <= deleted) && (AddOnDeleted is not { } gone || date <= gone);

    /// <summary>Whether the row's primary is a code still in force on <paramref name="date"/>.</summary>
    public bool PrimaryInForce(DateOnly date) => Primary is not null && (PrimaryDeleted is not { } gone || date <= gone);
}
