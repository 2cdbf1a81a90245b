using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Scrubber.Audit.Sessions;
using Scrubber.Server.Audit;
using Scrubber.Server.Diagnostics;

namespace Scrubber.Server.Security;

/// <summary>The callers in force: read from <c>Security:ApiKeys</c> and <c>Security:ClientCertificates</c> at start,
/// and again whenever the settings change (an edited <c>appsettings.json</c>) or <c>Admin.ReloadSecurity</c> asks.</summary>
/// <remarks>
/// Every call and every dashboard request looks its caller up here, so a key removed from the settings is refused
/// from the next request after the reload. A reload builds the new set off to the side and publishes it by swapping
/// one reference.
///
/// The settings are bound and validated here rather than through <see cref="IOptionsMonitor{TOptions}"/>: a monitor
/// whose new settings fail validation throws from inside the file watcher's callback and keeps nothing decided.
/// Settings that fail are refused, but fail closed: the callers in force stay only where the new settings still hold
/// them unchanged, so an edit that removes a key and breaks another entry still removes the key.
/// </remarks>
internal sealed class CallerDirectory : IDisposable
{
    private static readonly string DevelopmentHex = KeyHash.HexOf(DevelopmentKey.Hash)!;

    private readonly IConfiguration _configuration;
    private readonly SecurityOptionsValidator _validator;
    private readonly AuditStoreHost _audit;
    private readonly TimeProvider _time;
    private readonly ILogger<CallerDirectory> _logger;
    private readonly Lock _reloading = new();
    private readonly IDisposable _watch;
    private volatile CallerSet _current;

    public CallerDirectory(
        IOptions<SecurityOptions> options, IConfiguration configuration, SecurityOptionsValidator validator, AuditStoreHost audit, TimeProvider time,
        ILogger<CallerDirectory> logger)
    {
        (_configuration, _validator, _audit, _time, _logger) = (configuration, validator, audit, time, logger);
        _current = CallerSet.From(options.Value);
        _watch = ChangeToken.OnChange(configuration.GetReloadToken, () => Reload());
    }

    /// <summary>The callers in force now.</summary>
    public CallerSet Current => _current;

    /// <summary>The caller whose key this is, or null.</summary>
    public Caller? FindByKey(ReadOnlySpan<char> key) => _current.FindByKey(key);

    /// <summary>The caller this client certificate is pinned to, or null.</summary>
    public Caller? FindByCertificate(X509Certificate2 certificate) => _current.FindByCertificate(certificate);

    /// <summary>The caller a signed-in session names by hash, if the settings still hold it.</summary>
    public Caller? FindByHash(string hex) => _current.FindByHash(hex);

    /// <summary>Reads the security settings as the configuration holds them now and puts them in force.</summary>
    public SecurityReload Reload()
    {
        lock (_reloading)
        {
            var settings = new SecurityOptions();
            _configuration.GetSection(SecurityOptions.Section).Bind(settings);
            var validation = _validator.Validate(Options.DefaultName, settings);
            var before = _current;
            IReadOnlyList<string> failures = validation.Failed ? [.. validation.Failures ?? [validation.FailureMessage]] : [];
            var publicBinding = PublicBinding.Find(_configuration);
            var after = validation.Failed
                ? before.Unchanged(settings, c => publicBinding is not null && c.Hex == DevelopmentHex)
                : CallerSet.From(settings);
            _current = after;

            var reload = new SecurityReload(after, after.ChangesFrom(before), failures, _time.GetUtcNow());
            foreach (var change in reload.Changes)
            {
                Log.SecurityChanged(_logger, change);
            }

            if (reload.Refused)
            {
                Log.SecurityReloadRefused(_logger, string.Join(" ", failures));
            }

            RevokeSessionsOfDeparted(before, after, reload.At);
            return reload;
        }
    }

    public void Dispose() => _watch.Dispose();

    /// <summary>Ends, in the store, the dashboard sessions of every caller that can no longer open the dashboard, so
    /// that they stay ended on every replica and if the same key comes back. Requests check the callers in force on
    /// their own as well, so nothing waits for this write.</summary>
    private void RevokeSessionsOfDeparted(CallerSet before, CallerSet after, DateTimeOffset at)
    {
        var departed = before.Keys.Concat(before.Certificates)
            .Where(c => c.Has(Scopes.Reports) && !(after.FindByHash(c.Hex)?.Has(Scopes.Reports) ?? false))
            .Select(c => c.Hex)
            .ToList();
        if (departed.Count > 0)
        {
            _ = RevokeAsync(departed, at);
        }
    }

    private async Task RevokeAsync(List<string> callerHashes, DateTimeOffset at)
    {
        try
        {
            foreach (var hash in callerHashes)
            {
                await _audit.Store.RevokeSessionsOfCallerAsync(hash, at, DashboardSession.CallerRemoved).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            Log.SessionRevocationFailed(_logger, ex);
        }
    }
}
