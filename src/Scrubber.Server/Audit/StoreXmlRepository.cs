using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Scrubber.Server.Audit;

/// <summary>The data-protection key ring in the audit store itself (Audit:Provider=Postgres), so every replica sharing
/// the database seals and opens dashboard cookies with the same keys: a session opened on one works on another.</summary>
internal sealed class StoreXmlRepository(AuditStoreHost audit) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. audit.Store.DataProtectionKeys().Select(k => XElement.Parse(k.Xml))];

    public void StoreElement(XElement element, string friendlyName)
    {
        var name = friendlyName.Length > 0 ? friendlyName : Guid.NewGuid().ToString("N");

        // Called rarely (a new key every 90 days) and from no synchronisation context: waiting here is safe.
        audit.Store.StoreDataProtectionKeyAsync(name, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
    }
}
