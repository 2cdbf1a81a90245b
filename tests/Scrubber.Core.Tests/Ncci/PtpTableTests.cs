using System.Globalization;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Ncci;

/// <summary>Lookups against the real CMS excerpt, on the boundary dates of domain.md §8.</summary>
public sealed class PtpTableTests
{
    private static PtpTable Excerpt => SampleTables.Practitioner.Releases[0];

    /// <summary>Rows of the real ccipra v322r0 f1 excerpt: column 1, column 2, effective, deletion ("*" open), indicator.</summary>
    public static TheoryData<string, string, string, string, int> RealRows => new()
    {
        { "0001A", "0591T", "20220101", "20231231", 1 },
        { "0001A", "36591", "20220101", "20231231", 0 },
        { "0001A", "96523", "20220101", "20231231", 0 },
        { "0001A", "99213", "20220101", "20231231", 1 },
        { "0001A", "99241", "20220101", "20221231", 1 },
        { "0001A", "G0463", "20220101", "20231231", 1 },
        { "0001M", "80050", "20170401", "20181231", 0 },
        { "0001M", "80500", "20170401", "20181231", 1 },
        { "0001M", "82977", "20170401", "20181231", 0 },
        { "0001T", "0002T", "20030101", "20040331", 1 },
        { "0001T", "36000", "20021001", "20041231", 1 },
        { "0001U", "0028U", "20180701", "20180930", 1 },
        { "0001U", "0029U", "20180701", "20260630", 1 },
        { "0001U", "0030U", "20180701", "*", 1 },
        { "0001U", "0428U", "20241001", "20241231", 1 },
        { "0001U", "80500", "20180101", "20211231", 1 },
        { "0001U", "80503", "20220101", "*", 1 },
        { "0001U", "0053U", "20190101", "20230630", 1 },
    };

    [Theory]
    [MemberData(nameof(RealRows))]
    public void TryFind_OnEffectiveAndDeletionDates_FindsTheRow(string column1, string column2, string effective, string deletion, int indicator)
    {
        var first = Date(effective);
        var last = deletion == "*" ? new DateOnly(2026, 11, 23) : Date(deletion);

        foreach (var day in new[] { first, last })
        {
            Assert.True(Excerpt.TryFind(Code(column1), Code(column2), day, out var match), $"{column1}/{column2} on {day}");
            Assert.Equal(indicator, match.ModifierIndicator);
            Assert.Equal(first, match.EffectiveDate);
            Assert.Equal(deletion == "*" ? null : last, match.DeletionDate);
            Assert.Equal("ccipra-v322r0", match.TableVersion);
            Assert.False(string.IsNullOrEmpty(match.Rationale));
        }
    }

    [Theory]
    [MemberData(nameof(RealRows))]
    public void TryFind_DayBeforeEffectiveOrAfterDeletion_FindsNothing(string column1, string column2, string effective, string deletion, int indicator)
    {
        _ = indicator;
        Assert.False(Excerpt.TryFind(Code(column1), Code(column2), Date(effective).AddDays(-1), out _));
        if (deletion != "*")
        {
            Assert.False(Excerpt.TryFind(Code(column1), Code(column2), Date(deletion).AddDays(1), out _));
        }
    }

    [Theory]
    [MemberData(nameof(RealRows))]
    public void TryFind_ReversedOrder_FindsNothing(string column1, string column2, string effective, string deletion, int indicator)
    {
        _ = (deletion, indicator);
        Assert.False(Excerpt.TryFind(Code(column2), Code(column1), Date(effective), out _));
    }

    [Theory]
    [InlineData("0001A", "90473", "20220101")]
    [InlineData("0001A", "G0008", "20220101")]
    [InlineData("0001M", "36591", "20151001")]
    public void TryFind_IndicatorNineRow_NeverMatchesEvenOnItsOneDate(string column1, string column2, string date) =>
        Assert.False(Excerpt.TryFind(Code(column1), Code(column2), Date(date), out _));

    [Fact]
    public void TryFind_RealDeletionInJulyRelease_FiresOnJune30AndNotJuly1()
    {
        Assert.True(Excerpt.TryFind(Code("0001U"), Code("0029U"), new DateOnly(2026, 6, 30), out _));
        Assert.False(Excerpt.TryFind(Code("0001U"), Code("0029U"), new DateOnly(2026, 7, 1), out _));
    }

    [Fact]
    public void TryFind_RepeatedPair_PicksTheWindowCoveringTheDate()
    {
        using var temp = new TempDirectory();
        var path = PtpFiles.Write(temp.File("ccipra-v322r0-f1.txt"),
            PtpFiles.Row("11042", "11045", "20100101", "20151231", "0"),
            PtpFiles.Row("11042", "11045", "20170101", "*", "1"));
        var table = NcciLoader.Load(NcciTableKind.Practitioner, "k", [path], new RecordingLoadReport()).Releases[0];

        Assert.Equal(1, table.Info.Pairs);
        Assert.Equal(2, table.Info.Rows);
        Assert.True(table.TryFind(Code("11042"), Code("11045"), new DateOnly(2015, 12, 31), out var old));
        Assert.Equal(0, old.ModifierIndicator);
        Assert.False(table.TryFind(Code("11042"), Code("11045"), new DateOnly(2016, 6, 1), out _));
        Assert.True(table.TryFind(Code("11042"), Code("11045"), new DateOnly(2017, 1, 1), out var current));
        Assert.Equal(1, current.ModifierIndicator);
        Assert.Null(current.DeletionDate);
    }

    [Fact]
    public void TryFind_OverlappingWindows_StricterIndicatorWinsAndOverlapIsCounted()
    {
        using var temp = new TempDirectory();
        var path = PtpFiles.Write(temp.File("ccipra-v322r0-f1.txt"),
            PtpFiles.Row("11042", "11045", "20100101", "*", "1"),
            PtpFiles.Row("11042", "11045", "20200101", "20201231", "0"));
        var table = NcciLoader.Load(NcciTableKind.Practitioner, "k", [path], new RecordingLoadReport()).Releases[0];

        Assert.Equal(1, table.Info.OverlappingWindows);
        Assert.True(table.TryFind(Code("11042"), Code("11045"), new DateOnly(2020, 6, 1), out var inside));
        Assert.Equal(0, inside.ModifierIndicator);
        Assert.True(table.TryFind(Code("11042"), Code("11045"), new DateOnly(2021, 1, 1), out var after));
        Assert.Equal(1, after.ModifierIndicator);
    }

    [Fact]
    public void TryFind_AfterWarmUp_AllocatesNothing()
    {
        var column1 = Code("0001U");
        var column2 = Code("0030U");
        var date = new DateOnly(2026, 7, 1);
        Excerpt.TryFind(column1, column2, date, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = 0;
        for (var i = 0; i < 1000; i++)
        {
            found += Excerpt.TryFind(column1, column2, date, out _) ? 1 : 0;
            found += Excerpt.TryFind(column2, column1, date, out _) ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1000, found);
    }

    private static HcpcsCode Code(string text) => HcpcsCode.Parse(text);

    private static DateOnly Date(string yyyymmdd) => DateOnly.ParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture);
}
