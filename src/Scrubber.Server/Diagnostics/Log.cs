namespace Scrubber.Server.Diagnostics;

/// <summary>Every log line the service writes, with stable event ids. Patient identifiers never appear here.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "NCCI file {File}: {Rows} rows read, {Malformed} malformed, in {ElapsedMs:F0} ms")]
    public static partial void NcciFileRead(ILogger logger, string file, long rows, long malformed, double elapsedMs);

    [LoggerMessage(1001, LogLevel.Warning, "NCCI malformed row {File}:{Line}: {Reason}")]
    public static partial void NcciMalformedRow(ILogger logger, string file, long line, string reason);

    [LoggerMessage(1002, LogLevel.Information,
        "NCCI {TableVersion} ready: parts {Parts}, {Rows} rows, {Pairs} pairs, {Malformed} malformed rows skipped, {Overlaps} pairs with overlapping windows, {IndexBytes} index bytes")]
    public static partial void NcciReleaseReady(ILogger logger, string tableVersion, string parts, long rows, long pairs, long malformed, long overlaps, long indexBytes);

    [LoggerMessage(1003, LogLevel.Critical, "NCCI tables could not be loaded; the service stops: {Reason}")]
    public static partial void NcciLoadFailed(ILogger logger, string reason);

    [LoggerMessage(1006, LogLevel.Debug, "NCCI table load failed with an unexpected error (the one-line reason is given at exit)")]
    public static partial void NcciLoadDefect(ILogger logger, Exception exception);

    [LoggerMessage(1004, LogLevel.Error, "NCCI reload refused; the tables in force keep serving: {Reason}")]
    public static partial void NcciReloadRefused(ILogger logger, string reason);

    [LoggerMessage(1005, LogLevel.Information, "NCCI tables swapped in after {ElapsedMs:F0} ms: {Versions}")]
    public static partial void NcciSwapped(ILogger logger, string versions, double elapsedMs);

    [LoggerMessage(1007, LogLevel.Information,
        "MUE release {Version} ready: {Codes} codes, {NotPayable} not payable (MUE 0), MAI 1/2/3 {LineEdits}/{PolicyEdits}/{ClinicalEdits}")]
    public static partial void MueReleaseReady(ILogger logger, string version, int codes, int notPayable, int lineEdits, int policyEdits, int clinicalEdits);

    [LoggerMessage(1020, LogLevel.Information, "NCCI file {File}: columns found from its content: {Layout}")]
    public static partial void NcciLayoutFound(ILogger logger, string file, string layout);

    [LoggerMessage(1008, LogLevel.Information, "Add-on code release {Version} ready: {Rows} rows, {AddOnCodes} add-on codes, {PrimaryCodes} primary codes")]
    public static partial void AddOnCodesReady(ILogger logger, string version, long rows, int addOnCodes, int primaryCodes);

    [LoggerMessage(1009, LogLevel.Information,
        "Fee schedule release {Version} ready: {Rows} rows, {Codes} codes, global days 000/010/090 {Zero}/{Ten}/{Ninety}")]
    public static partial void PfsReleaseReady(ILogger logger, string version, int rows, int codes, int zero, int ten, int ninety);

    [LoggerMessage(2000, LogLevel.Information, "Claim rejected as invalid: {Violations} field violation(s), first {Field}: {Description}")]
    public static partial void ClaimInvalid(ILogger logger, int violations, string field, string description);

    [LoggerMessage(2001, LogLevel.Debug, "Scrub {ScrubId} stopped before its {Phase} phase: the call was cancelled or its deadline passed; nothing is recorded")]
    public static partial void ScrubStopped(ILogger logger, string scrubId, string phase);


    [LoggerMessage(3000, LogLevel.Information, "Pack {Change}")]
    public static partial void PackChanged(ILogger logger, string change);

    [LoggerMessage(3001, LogLevel.Error, "Pack {PackId} rejected: {Error}")]
    public static partial void PackRejected(ILogger logger, string packId, string error);

    [LoggerMessage(3002, LogLevel.Warning, "Packs folder {Root} does not exist: every claim gets NCCI alone, and the folder is not watched")]
    public static partial void PacksFolderMissing(ILogger logger, string root);

    [LoggerMessage(3003, LogLevel.Information, "Watching {Root} for pack changes")]
    public static partial void PacksWatching(ILogger logger, string root);

    [LoggerMessage(3004, LogLevel.Error, "Pack reload failed; the live packs keep serving")]
    public static partial void PackReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(3005, LogLevel.Error, "Rule {Source} failed on scrub {ScrubId}: {Message}")]
    public static partial void RuleFault(ILogger logger, string source, string scrubId, string message);

    [LoggerMessage(3006, LogLevel.Warning, "Pack rule {Source} was reached after the pack's evaluation budget ran out on scrub {ScrubId}; it and the rules after it were skipped")]
    public static partial void PackBudgetExceeded(ILogger logger, string source, string scrubId);

    [LoggerMessage(4000, LogLevel.Information, "Audit store open at {Path}")]
    public static partial void AuditStoreOpen(ILogger logger, string path);

    [LoggerMessage(4001, LogLevel.Error, "Scrub {ScrubId} could not be recorded; the call fails so nothing unrecorded is acknowledged")]
    public static partial void ScrubNotRecorded(ILogger logger, Exception exception, string scrubId);

    [LoggerMessage(5000, LogLevel.Information,
        "Remittance {File} ingested: {Claims} claims, {Lines} lines, {MatchedLines} lines matched, {DeniedLines} NCCI-type denials, {UnmatchedClaims} claims and {UnmatchedLines} lines unmatched, {Warnings} warnings, duplicate {Duplicate}")]
    public static partial void RemittanceIngested(ILogger logger, string file, int claims, int lines, int matchedLines, int deniedLines, int unmatchedClaims, int unmatchedLines, int warnings, bool duplicate);

    [LoggerMessage(5001, LogLevel.Warning, "Remittance {File} refused at byte {ByteOffset}, nothing ingested: {Reason}")]
    public static partial void RemittanceRefused(ILogger logger, string file, long byteOffset, string reason);

    [LoggerMessage(6000, LogLevel.Information, "Security settings: {Change}")]
    public static partial void SecurityChanged(ILogger logger, string change);

    [LoggerMessage(6001, LogLevel.Error, "Security settings refused; only the callers they still hold unchanged stay in force: {Reason}")]
    public static partial void SecurityReloadRefused(ILogger logger, string reason);

    [LoggerMessage(6002, LogLevel.Error, "Dashboard sessions of a removed caller could not be revoked in the store; every request still checks the callers in force")]
    public static partial void SessionRevocationFailed(ILogger logger, Exception exception);

    [LoggerMessage(6003, LogLevel.Warning,
        "Refused {Count} time(s) from {Address} since {Since:O}: dashboard sign-ins and calls with a key or certificate that is not configured; {Throttled} of them for too many sign-in attempts")]
    public static partial void AuthenticationFailed(ILogger logger, int count, string address, DateTimeOffset since, int throttled);

    [LoggerMessage(6004, LogLevel.Information, "Data-protection keys kept in {Directory}, {Protection}")]
    public static partial void DataProtectionKeys(ILogger logger, string directory, string protection);

    [LoggerMessage(7000, LogLevel.Warning, "Purging the audit store of what is older than {Before}")]
    public static partial void PurgeStarted(ILogger logger, DateOnly before);

    [LoggerMessage(7001, LogLevel.Information, "Purge before {Before}: {Claims} remittance claims and {Scrubs} scrubs removed so far")]
    public static partial void PurgeProgress(ILogger logger, DateOnly before, long claims, long scrubs);

    [LoggerMessage(7002, LogLevel.Warning,
        "Purged the audit store before {Before}: {Scrubs} scrubs, {Claims} remittance claims ({Lines} lines); {Denied} denied lines kept in {Rows} weekly aggregate rows")]
    public static partial void PurgeEnded(ILogger logger, DateOnly before, long scrubs, long claims, long lines, long denied, long rows);

    [LoggerMessage(9000, LogLevel.Error, "Call {Method} failed with an unexpected error; answered INTERNAL with error id {ErrorId}")]
    public static partial void CallDefect(ILogger logger, Exception exception, string method, string errorId);
}
