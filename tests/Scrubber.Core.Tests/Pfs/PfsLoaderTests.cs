using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;
using Scrubber.Core.Pfs;
using Scrubber.Generators;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Pfs;

/// <summary>The fee schedule RVU loader on the bundled sample, generated full-size files, zips, several releases and
/// broken files: each refused with a message naming the file and line.</summary>
public sealed class PfsLoaderTests : IDisposable
{
    private const string Key = "Pfs:Files";
    private const string Name = "PPRRVU2026_Jul_nonQPP.csv";

    /// <summary>A good row: 27448, 090, in the 32 columns of the layout.</summary>
    /// <summary>A good row, cell by cell: 27448, 090, in the 32 columns of the layout, its descriptor quoted with a comma.</summary>
    private static readonly string[] GoodRow =
    [
        "27448", "", "\"REDACTED, PLACEHOLDER\"", "A", "", "0.00", "0.00", "", "0.00", "", "0.00", "0.00", "0.00", "0",
        "090", "0.09", "0.84", "0.07", "2", "1", "2", "0", "0", "1", "", "33.4009", "09", "0", "99", "0.00", "0.00", "0.00",
    ];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void BundledSample_ReadsPeriodsAndIndicators_KeepingModifierRowsApart()
    {
        var set = Load(RepositoryPaths.PfsSample);

        var table = Assert.Single(set.Releases);
        var info = table.Info;
        Assert.Equal(("pfs-2026-07-01", new DateOnly(2026, 7, 1), 55, 53), (info.Version, info.AppliesFrom, info.Rows, info.Codes));
        Assert.Equal([10, 1, 1, 3, 25, 1, 12], info.ByGlobalDays.ToArray());
        Assert.Equal(GlobalDays.Ninety, Get(table, "27447").GlobalDays);
        Assert.Equal((0.09m, 0.84m, 0.07m, (byte)2, (byte)1), (Get(table, "27447").PreOp, Get(table, "27447").IntraOp, Get(table, "27447").PostOp,
            Get(table, "27447").MultipleProcedure, Get(table, "27447").BilateralSurgery));
        Assert.Equal(
            [GlobalDays.Zero, GlobalDays.Zero, GlobalDays.Zero, GlobalDays.Zero, GlobalDays.Ten, GlobalDays.NotApplicable, GlobalDays.Maternity,
             GlobalDays.WithinAnotherService, GlobalDays.CarrierSet],
            new[] { "11042", "20610", "45378", "43239", "10060", "99213", "59400", "11045", "17999" }.Select(c => Get(table, c).GlobalDays));
        Assert.Equal('B', Get(table, "99050").Status);
        Assert.True(table.TryGet(HcpcsCode.Parse("71046"), "26", out var professional));
        Assert.True(table.TryGet(HcpcsCode.Parse("71046"), "tc", out var technical));
        Assert.Equal((GlobalDays.NotApplicable, GlobalDays.NotApplicable), (professional.GlobalDays, technical.GlobalDays));
        Assert.False(table.TryGet(HcpcsCode.Parse("27447"), "26", out _));
        Assert.False(table.TryGet(HcpcsCode.Parse("71046"), "2", out _));
        Assert.False(table.TryGet(HcpcsCode.Parse("27446"), out _));
    }

    [Fact]
    public void BundledSample_IsTheGeneratorsKnownRows_WithPlaceholderDescriptorsOnly()
    {
        var written = PfsTableGenerator.WriteRows(_temp.Path, new DateOnly(2026, 7, 1), PfsTableGenerator.KnownRows, 326);

        Assert.Equal(File.ReadAllBytes(written), File.ReadAllBytes(RepositoryPaths.PfsSample));
        var rows = File.ReadAllLines(RepositoryPaths.PfsSample, Encoding.Latin1).SkipWhile(l => !l.StartsWith("HCPCS,", StringComparison.Ordinal)).Skip(1);
        Assert.All(rows, r => Assert.Matches("^[0-9A-Z]{5},[0-9A-Z]{0,2},(REDACTED|\"REDACTED, PLACEHOLDER\"),", r));
    }

    [Fact]
    public void GeneratedFullSizeFile_LoadsFromTheCmsZip_InReasonableTime_WithAPlausibleMix()
    {
        var written = PfsTableGenerator.Write(_temp.Path, new PfsGeneratorSettings(PfsGeneratorSettings.FullRows, 5, new DateOnly(2026, 10, 1)));
        var zip = _temp.File("rvu26d.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(written, Path.GetFileName(written));
            archive.CreateEntryFromFile(written, "PPRRVU2026_Oct_QPP.csv");
        }

        var started = Stopwatch.GetTimestamp();
        var set = PfsLoader.Load(Key, [zip], new RecordingLoadReport());
        var elapsed = Stopwatch.GetElapsedTime(started);

        var table = Assert.Single(set.Releases);
        var info = table.Info;
        Assert.Equal((PfsGeneratorSettings.FullRows, "pfs-2026-10-01"), (info.Rows, info.Version));
        Assert.EndsWith("!PPRRVU2026_Oct_nonQPP.csv", Assert.Single(info.Files), StringComparison.Ordinal);
        Assert.InRange(elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.InRange(info.CodesWith(GlobalDays.Ninety), 2_000, 5_000);
        Assert.InRange(info.CodesWith(GlobalDays.Zero), 1_500, 4_000);
        Assert.InRange(info.CodesWith(GlobalDays.Ten), 800, 2_500);
        Assert.InRange(info.CodesWith(GlobalDays.WithinAnotherService), 200, 1_000);
        Assert.InRange(info.CodesWith(GlobalDays.CarrierSet), 100, 1_000);
        Assert.InRange(info.CodesWith(GlobalDays.Maternity), 3, 60);
        Assert.Equal(GlobalDays.Ninety, Get(table, "27447").GlobalDays);
        Assert.Equal(GlobalDays.Maternity, Get(table, "59400").GlobalDays);
    }

    [Fact]
    public void TwoReleases_EachDateOfServiceUsesTheReleaseInForce()
    {
        var folder = _temp.File("releases");
        PfsTableGenerator.WriteRows(folder, new DateOnly(2026, 4, 1), [new PfsRow("27447", "090")]);
        PfsTableGenerator.WriteRows(folder, new DateOnly(2026, 7, 1), [new PfsRow("27447", "YYY")]);

        var set = Load(folder);

        Assert.Equal(["pfs-2026-04-01", "pfs-2026-07-01"], set.Releases.Select(r => r.Info.Version));
        Assert.Equal(GlobalDays.Ninety, Get(set.For(new DateOnly(2026, 6, 30)), "27447").GlobalDays);
        Assert.Equal(GlobalDays.CarrierSet, Get(set.For(new DateOnly(2026, 7, 1)), "27447").GlobalDays);
        Assert.Equal(GlobalDays.Ninety, Get(set.For(new DateOnly(2025, 1, 1)), "27447").GlobalDays);
    }

    [Theory]
    [InlineData("PPRRVU2026_Jul_nonQPP.csv", "2026-07-01", false)]
    [InlineData("PPRRVU2026_Jan_QPP.csv", "2026-01-01", true)]
    [InlineData("PPRRVU2026_Jul_nonQPP.sample.csv", "2026-07-01", false)]
    [InlineData("PPRRVU25_OCT.csv", "2025-10-01", false)]
    [InlineData("pprrvu24_apr.csv", "2024-04-01", false)]
    public void FileName_GivesTheReleaseMonth(string name, string effective, bool qpp)
    {
        Assert.Equal(new PfsFileName(DateOnly.Parse(effective, System.Globalization.CultureInfo.InvariantCulture), qpp), PfsFileName.Parse(name, name));
    }

    [Theory]
    [InlineData("PPRRVU2026_Jux_nonQPP.csv")]
    [InlineData("PPRRVU2026.csv")]
    [InlineData("PPRRVU_JUL.csv")]
    [InlineData("PPRRVU2026_July.csv")]
    public void NameThatCannotBeDated_IsRefusedNamingTheFile(string name)
    {
        var path = WriteText(name, File.ReadAllText(RepositoryPaths.PfsSample, Encoding.Latin1));

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.StartsWith($"'{path}': the file name does not say the release's year and month", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileNotNamedLikeCms_IsRefusedSayingWhatNamesItExpects()
    {
        var path = WriteText("rvu.csv", File.ReadAllText(RepositoryPaths.PfsSample, Encoding.Latin1));

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.Equal($"'{path}': the file name does not say which fee schedule release it is (expected a CMS name such as PPRRVU2026_Jul_nonQPP.csv).", ex.Message);
    }

    [Fact]
    public void SameReleaseTwice_IsRefused()
    {
        var folder = _temp.File("twice");
        Directory.CreateDirectory(folder);
        File.Copy(RepositoryPaths.PfsSample, Path.Combine(folder, Name));

        var ex = Assert.Throws<NcciLoadException>(() => Load(RepositoryPaths.PfsSample, folder));

        Assert.Contains("release pfs-2026-07-01 is given twice", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(14, "90", "the global days '90' of 27448 are not 000, 010, 090, MMM, XXX, YYY or ZZZ")]
    [InlineData(14, "", "the global days '' of 27448 are not 000, 010, 090, MMM, XXX, YYY or ZZZ")]
    [InlineData(14, "0900", "the global days '0900' of 27448 are not 000, 010, 090, MMM, XXX, YYY or ZZZ")]
    [InlineData(15, "abc", "the PRE OP share 'abc' of 27448 is not a decimal from 0 to 1")]
    [InlineData(16, "1e5", "the INTRA OP share '1e5' of 27448 is not a decimal from 0 to 1")]
    [InlineData(17, "1.50", "the POST OP share '1.50' of 27448 is not a decimal from 0 to 1")]
    [InlineData(17, "-0.10", "the POST OP share '-0.10' of 27448 is not a decimal from 0 to 1")]
    [InlineData(15, "99999999999999999999999999999999", "the PRE OP share '99999999999999999999999999999999' of 27448 is not a decimal from 0 to 1")]
    [InlineData(18, "10", "the MULT PROC indicator '10' of 27448 is not one digit")]
    [InlineData(19, "", "the BILAT SURG indicator '' of 27448 is not one digit")]
    [InlineData(3, "", "the status code '' of 27448 is not one letter")]
    [InlineData(1, "2", "the modifier '2' of 27448 is not empty or two letters or digits")]
    [InlineData(0, "2744", "the HCPCS code '2744' is not five letters or digits")]
    public void BrokenCell_RefusesTheFileNamingTheLine(int column, string value, string reason)
    {
        var row = (string[])GoodRow.Clone();
        row[column] = value;

        var ex = Assert.Throws<NcciLoadException>(() => Load(WithExtraRow(string.Join(',', row))));

        Assert.Equal($"{_temp.File(Name)}:66: {reason}", ex.Message);
    }

    [Theory]
    [InlineData(31, "31 columns where a PPRRVU row has 32")]
    [InlineData(33, "33 columns where a PPRRVU row has 32")]
    public void WrongColumnCount_RefusesTheFileNamingTheLine(int columns, string reason)
    {
        var row = GoodRow.Concat(Enumerable.Repeat("0", 5)).Take(columns);

        var ex = Assert.Throws<NcciLoadException>(() => Load(WithExtraRow(string.Join(',', row))));

        Assert.Equal($"{_temp.File(Name)}:66: {reason}", ex.Message);
    }

    [Fact]
    public void CodeListedTwice_IsRefused()
    {
        var ex = Assert.Throws<NcciLoadException>(() => Load(WithExtraRow(string.Join(',', GoodRow) + "\r\n" + string.Join(',', GoodRow))));

        Assert.Equal($"{_temp.File(Name)}:67: code 27448 is listed twice", ex.Message);
    }

    [Theory]
    [InlineData("HCPCS,MOD,DESCRIPTION,CODE,GLOB DAYS", "the header has 5 columns where a PPRRVU file has 32")]
    [InlineData("HCPCS,MODIFIER,DESCRIPTION,CODE,PAYMENT,RVU,RVU,INDICATOR,PE RVU,INDICATOR,RVU,TOTAL,TOTAL,IND,GLOB DAYS,PRE OP,INTRA OP,POST OP,PROC,SURG,SURG,SURG,SURG,IND,BASE,FACTOR,OF DIAG PROCS,FLAG,FAMILY IND,A,B,C",
        "the header's second column is 'MODIFIER', not 'MOD'")]
    [InlineData("HCPCS,MOD,DESCRIPTION,CODE,PAYMENT,RVU,RVU,INDICATOR,PE RVU,INDICATOR,RVU,TOTAL,TOTAL,GLOB DAYS,IND,PRE OP,INTRA OP,POST OP,PROC,SURG,SURG,SURG,SURG,IND,BASE,FACTOR,OF DIAG PROCS,FLAG,FAMILY IND,A,B,C",
        "the header's column 15 is 'IND', not 'GLOB DAYS'")]
    public void BadHeader_IsRefusedNamingTheLine(string header, string reason)
    {
        var text = File.ReadAllText(RepositoryPaths.PfsSample, Encoding.Latin1);
        var start = text.IndexOf("HCPCS,MOD,", StringComparison.Ordinal);
        var path = WriteText(Name, text[..start] + header + text[text.IndexOf("\r\n", start, StringComparison.Ordinal)..]);

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.Equal($"{path}:10: {reason}", ex.Message);
    }

    [Fact]
    public void NoHeader_IsRefusedAsNotAPprrvuFile()
    {
        var path = WriteText(Name, "\"Notice,\r\n" + string.Join(',', GoodRow) + "\r\n");

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.Contains("has no PPRRVU header row", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnterminatedQuote_IsRefusedNotHung()
    {
        var path = WriteText(Name, "\"Notice that never ends,,,\r\n" + string.Join(',', GoodRow) + "\r\n");

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.Contains("has no PPRRVU header row", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryFile_IsRefusedAsNotCsv()
    {
        var bytes = new byte[64 * 1024];
        new Random(3).NextBytes(bytes);
        bytes[10] = 0;
        var path = _temp.File(Name);
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.Equal($"'{path}' holds binary data (a NUL byte), not CSV text. Is it a PPRRVU CSV file?", ex.Message);
    }

    [Fact]
    public void OversizeFile_IsRefusedWithoutReadingItAll()
    {
        var path = _temp.File(Name);
        using (var stream = File.Create(path))
        {
            stream.Write(File.ReadAllBytes(RepositoryPaths.PfsSample));
            var blank = Encoding.Latin1.GetBytes(new string(',', 31) + "\r\n");
            var chunk = Enumerable.Repeat(blank, 1 << 14).SelectMany(b => b).ToArray();
            while (stream.Length <= PfsFileReader.MaxFileBytes)
            {
                stream.Write(chunk);
            }
        }

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.Equal($"'{path}' is larger than 64 MiB; a CMS fee schedule RVU file is about 5 MB. Is it a PPRRVU CSV file?", ex.Message);
    }

    [Fact]
    public void HeaderWithNoRows_IsRefused()
    {
        var text = File.ReadAllText(RepositoryPaths.PfsSample, Encoding.Latin1);
        var end = text.IndexOf("\r\n", text.IndexOf("HCPCS,MOD,", StringComparison.Ordinal), StringComparison.Ordinal) + 2;
        var path = WriteText(Name, text[..end]);

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.Equal($"'{path}' holds no row after its header. Is it a CMS fee schedule RVU CSV file?", ex.Message);
    }

    private static PfsEntry Get(PfsTable table, string code) =>
        table.TryGet(HcpcsCode.Parse(code), out var entry) ? entry : throw new InvalidOperationException($"{code} is not in {table.Info.Version}");

    private string WithExtraRow(string row) => WriteText(Name, File.ReadAllText(RepositoryPaths.PfsSample, Encoding.Latin1) + row + "\r\n");

    private string WriteText(string name, string text)
    {
        var path = _temp.File(name);
        File.WriteAllText(path, text, Encoding.Latin1);
        return path;
    }

    private static PfsTableSet Load(params string[] paths) => PfsLoader.Load(Key, paths, new RecordingLoadReport());
}
