using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Scrubbing;

public sealed class HistoryWindowTests
{
    [Fact]
    public void For_OneDay_ReachesNinetyDaysBackAndOneDayAhead()
    {
        var claim = new ClaimBuilder().On("2026-07-16").Line("99213").Build();

        var window = HistoryWindow.For(claim);

        Assert.Equal(new DateOnly(2026, 4, 17), window.From);
        Assert.Equal(new DateOnly(2026, 7, 17), window.To);
        Assert.True(window.Contains(new DateOnly(2026, 7, 15)));
        Assert.False(window.Contains(new DateOnly(2026, 4, 16)));
        Assert.False(window.Contains(new DateOnly(2026, 7, 18)));
    }

    [Fact]
    public void For_LinesOnSeveralDaysAndASpan_CoversFromTheFirstToTheDayAfterTheLastDayCovered()
    {
        var claim = new ClaimBuilder().On("2026-07-16")
            .LineOn("99213", new DateOnly(2026, 7, 20), string.Empty)
            .Line("99213")
            .Build();
        var spanning = claim with { Lines = [.. claim.Lines, claim.Lines[0] with { LineId = "9", ServiceDate = new DateOnly(2026, 7, 21), ServiceDateEnd = new DateOnly(2026, 7, 25) }] };

        var window = HistoryWindow.For(spanning);

        Assert.Equal(new DateOnly(2026, 4, 17), window.From);
        Assert.Equal(new DateOnly(2026, 7, 26), window.To);
    }

    [Fact]
    public void For_APackThatReadsAYear_ReachesThatFarBack_AndAShorterLookBackKeepsNinetyDays()
    {
        var claim = new ClaimBuilder().On("2026-07-16").Line("99213").Build();

        Assert.Equal(new DateOnly(2025, 7, 15), HistoryWindow.For(claim, PackHistory.LookBackDays).From);
        Assert.Equal(new DateOnly(2026, 7, 17), HistoryWindow.For(claim, PackHistory.LookBackDays).To);
        Assert.Equal(new DateOnly(2026, 4, 17), HistoryWindow.For(claim, 30).From);
    }

    [Fact]
    public void For_DatesAtTheEndsOfTheCalendar_AreClampedNotThrown()
    {
        var claim = new ClaimBuilder().On("0001-01-01").Line("99213").LineOn("99213", DateOnly.MaxValue, string.Empty).Build();

        var window = HistoryWindow.For(claim);

        Assert.Equal(DateOnly.MinValue, window.From);
        Assert.Equal(DateOnly.MaxValue, window.To);
        Assert.Equal(DateOnly.MinValue, HistoryWindow.For(claim, PackHistory.LookBackDays).From);
    }
}
