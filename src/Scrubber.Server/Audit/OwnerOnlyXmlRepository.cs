using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Scrubber.Audit;

namespace Scrubber.Server.Audit;

/// <summary>The data-protection key ring as files in one directory that only the service's user can open: the
/// directory 0700, each key file 0600 from the moment it exists.</summary>
/// <remarks>The framework's file repository creates files with the process umask (usually 0644) and the directory
/// 0755; a key that decrypts every dashboard cookie deserves the same care as the audit store beside it.</remarks>
internal sealed class OwnerOnlyXmlRepository : IXmlRepository
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public OwnerOnlyXmlRepository(string directory)
    {
        Directory = directory;
        OwnerOnlyFolder.Create(directory);

        // The directory is the service's own (named after its store), so tightening one made too open is safe.
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(directory) & ~OwnerOnlyFolder.Mode) != 0)
        {
            File.SetUnixFileMode(directory, OwnerOnlyFolder.Mode);
        }
    }

    public string Directory { get; }

    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. System.IO.Directory.EnumerateFiles(Directory, "*.xml").Order(StringComparer.Ordinal).Select(f => XElement.Load(f))];

    public void StoreElement(XElement element, string friendlyName)
    {
        var name = string.Concat(friendlyName.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
        var path = Path.Combine(Directory, (name.Length > 0 ? name : Guid.NewGuid().ToString("N")) + ".xml");
        var temporary = Path.Combine(Directory, Guid.NewGuid().ToString("N") + ".tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        using (var stream = new FileStream(temporary, options))
        {
            element.Save(stream);
        }

        // Written whole, then renamed into place: a reader never sees half a key.
        File.Move(temporary, path, overwrite: false);
    }
}
