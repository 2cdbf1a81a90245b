using System.Text;
using Scrubber.Core.AddOnCodes;
using Scrubber.Core.Ncci;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.AddOnCodes;

/// <summary>Files the loader must refuse, each with an error naming the file, the line and what is wrong.</summary>
public sealed class BrokenAddOnCodeFileTests : IDisposable
{
    private const string Key = "AddOnCodes:Files";
    private const string Good = "111045         11042         2013091";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A bad row after a good one (line 3 of the preamble is 1-based line 4 here), and what the error says.</summary>
    public static TheoryData<string, string> BadRows => new()
    {
        { "411045         11042         2013091", "AOC edit type '4' (column 1) is not 1, 2 or 3" },
        { "111045         11042         9999999", "AOC edit effective date (columns 30–36) '9999999' is not a YYYYDDD date" },
        { "111045         11042         2024367", "'2024367' is not a YYYYDDD date" },
        { "111045         11042         2023366", "'2023366' is not a YYYYDDD date" },
        { "111045         11042         2013000", "'2013000' is not a YYYYDDD date" },
        { "111045 99999999999999999999999999999999", "column 15 is '9', not blank" },
        { "111045 2025999 11042         2013091", "add-on code deletion date (columns 8–14) '2025999' is not a YYYYDDD date" },
        { "111045         11042 -000001 2013091", "primary code deletion date (columns 22–28) '-000001' is not a YYYYDDD date" },
        { "111045         11042         2013091 2012001", "AOC edit deletion date (columns 38–44) is before its effective date" },
        { "111045         11042", "the row ends at column 20, before the AOC edit effective date" },
        { "111045", "the row ends at column 6" },
        { "111045         11042                ", "AOC edit effective date (columns 30–36) is blank" },
        { "1110450        11042         2013091", "column 7 is '0', not blank" },
        { "111045         CCCCC         2013091", "the contractor placeholder on a type 1 row" },
        { "311045                       2013091", "the contractor placeholder on a type 3 row" },
        { "111045         1104$         2013091", "primary code '1104$' (columns 16–20) is not 5 letters or digits" },
        { "1\t11045\t11042\t2013091", "is not an AOC row" },
        { "11045\t11042\t20130401", "is not an AOC row" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Load_BadRow_IsRefusedNamingFileLineAndField(string row, string expected)
    {
        var path = AddOnCodeFiles.Write(_temp.File("AOC_V2026Q3-MCR.txt"), Good, row, Good);

        var error = Assert.Throws<NcciLoadException>(() => AddOnCodeLoader.Load(Key, [path]));

        Assert.StartsWith($"{path}:4: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TypeTwoRowWithThePlaceholderOrBlank_Loads()
    {
        var path = AddOnCodeFiles.Write(_temp.File("AOC_V2026Q3-MCR.txt"), "20054T         CCCCC         2013091", "20055T                       2013091");

        var table = Assert.Single(AddOnCodeLoader.Load(Key, [path]).Releases);

        Assert.Equal((2L, 0), (table.Info.Rows, table.Info.PrimaryCodes));
    }

    [Fact]
    public void Load_HugeLine_IsRefusedWithoutReadingItWhole()
    {
        var path = AddOnCodeFiles.Write(_temp.File("AOC_V2026Q3-MCR.txt"), Good, Good + " " + new string('x', 5_000_000));

        var error = Assert.Throws<NcciLoadException>(() => AddOnCodeLoader.Load(Key, [path]));

        Assert.StartsWith($"{path}:4: is longer than {AddOnCodeLayout.MaxLineLength} characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PtpFileUnderAnAocName_IsRefusedAsTheWrongLayout()
    {
        var path = _temp.File("AOC_V2026Q3-MCR.txt");
        File.Copy(RepositoryPaths.PractitionerExcerpt, path);

        var error = Assert.Throws<NcciLoadException>(() => AddOnCodeLoader.Load(Key, [path]));

        Assert.StartsWith($"{path}:51: no AOC row in the first 50 lines", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("CPT only copyright 2025 American Medical Association.\r\nMedicare NCCI Add-on Code Edits\r\n")]
    public void Load_FileWithNoRow_IsRefused(string text)
    {
        var path = _temp.File("AOC_V2026Q3-MCR.txt");
        File.WriteAllText(path, text, Encoding.Latin1);

        var error = Assert.Throws<NcciLoadException>(() => AddOnCodeLoader.Load(Key, [path]));

        Assert.Contains($"'{path}' holds no add-on code row", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Utf16File_IsRefusedSayingSo()
    {
        var path = _temp.File("AOC_V2026Q3-MCR.txt");
        File.WriteAllText(path, AddOnCodeLayout.Preamble + Good + "\r\n", Encoding.Unicode);

        var error = Assert.Throws<NcciLoadException>(() => AddOnCodeLoader.Load(Key, [path]));

        Assert.StartsWith($"{path}:1: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BinaryFile_IsRefusedSayingSo()
    {
        var path = _temp.File("AOC_V2026Q3-MCR.txt");
        var bytes = new byte[4096];
        new Random(5).NextBytes(bytes);
        bytes[10] = 0;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<NcciLoadException>(() => AddOnCodeLoader.Load(Key, [path]));

        Assert.StartsWith(path + ":", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AOC_V2026Q7-MCR.txt", "the quarter Q7 in the file name is out of range")]
    [InlineData("AOC_V99999999999999999999Q1-MCR.txt", "the year 999999999999… in the file name is out of range")]
    [InlineData("AOC_V1899Q1-MCR.txt", "the year 1899 in the file name is out of range")]
    [InlineData("AOC_V2026Q3_123-MCR.txt", "the reissue _123 in the file name is out of range")]
    [InlineData("add-code-edits-medicare-effective-13012026.txt", "the date 13012026 in the file name is not a date")]
    public void Load_NameOutOfRange_IsRefusedNamingTheFile(string name, string expected)
    {
        var path = AddOnCodeFiles.Write(_temp.File(name), Good);

        var error = Assert.Throws<NcciLoadException>(() => AddOnCodeLoader.Load(Key, [path]));

        Assert.Equal($"'{path}': {expected}", error.Message.Split(" (")[0]);
    }

    [Fact]
    public void Load_FileNamedLikeNoRelease_IsRefusedSayingWhatTheNameMustSay()
    {
        var path = AddOnCodeFiles.Write(_temp.File("addons.txt"), Good);

        var error = Assert.Throws<NcciLoadException>(() => AddOnCodeLoader.Load(Key, [path]));

        Assert.Contains("the file name does not say which release it is", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingPath_IsRefusedNamingTheSetting()
    {
        var error = Assert.Throws<NcciLoadException>(() => AddOnCodeLoader.Load(Key, [_temp.File("nope")]));

        Assert.StartsWith($"{Key}[0]: ", error.Message, StringComparison.Ordinal);
    }
}
