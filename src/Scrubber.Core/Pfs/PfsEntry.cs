namespace Scrubber.Core.Pfs;

/// <summary>One row of the physician fee schedule RVU file (PPRRVU), codes and numbers only: the descriptor is
/// AMA-licensed and never read into memory beyond the parser's buffer.</summary>
/// <param name="Status">STATUS CODE, one letter (A active, B bundled, C carrier priced, I not valid for Medicare, …).</param>
/// <param name="GlobalDays">GLOB DAYS: the global surgery period.</param>
/// <param name="PreOp">PRE OP: the share of the global package for pre-operative care (modifier 56), 0 to 1.</param>
/// <param name="IntraOp">INTRA OP: the share for the procedure itself (modifier 54), 0 to 1.</param>
/// <param name="PostOp">POST OP: the share for post-operative care (modifier 55), 0 to 1.</param>
/// <param name="MultipleProcedure">MULT PROC indicator, 0 to 9.</param>
/// <param name="BilateralSurgery">BILAT SURG indicator, 0 to 9.</param>
/// <param name="AssistantSurgery">ASST SURG indicator, 0 to 9.</param>
/// <param name="CoSurgery">CO-SURG indicator, 0 to 9.</param>
/// <param name="TeamSurgery">TEAM SURG indicator, 0 to 9.</param>
public readonly record struct PfsEntry(
    char Status,
    GlobalDays GlobalDays,
    decimal PreOp,
    decimal IntraOp,
    decimal PostOp,
    byte MultipleProcedure,
    byte BilateralSurgery,
    byte AssistantSurgery,
    byte CoSurgery,
    byte TeamSurgery);
