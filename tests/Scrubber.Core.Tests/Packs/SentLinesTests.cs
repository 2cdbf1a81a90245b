using System.Globalization;
using Scrubber.Core.Claims;
using Scrubber.Core.Packs.Vocabulary;

namespace Scrubber.Core.Tests.Packs;

/// <summary>The history helpers answer the same whether they scan the sent lines (the first questions of a claim) or
/// search them sorted (once a claim has asked more), at the edges of every range.</summary>
public sealed class SentLinesTests
{
    private static readonly DateOnly Day = new(2026, 7, 14);

    private static PriorLine Sent(string code, string date, double units = 1) =>
        new("SENT", "1234567893", new ClaimLine("1", HcpcsCode.Parse(code), [], DateOnly.Parse(date, CultureInfo.InvariantCulture), string.Empty, 1m, units, []));

    private static readonly PriorLine[] History =
    [
        Sent("G0439", "2026-07-20"), Sent("G0439", "2025-07-13"), Sent("99213", "2026-07-14", 2), Sent("G0439", "2025-07-14"),
        Sent("99213", "2026-07-14", 3), Sent("G0438", "2026-02-01"), Sent("99214", "2026-07-14"), Sent("G0439", "2026-07-14"),
        Sent("99213", "2026-07-13", 4), Sent("G0402", "2024-12-31"),
    ];

    /// <summary>Every question asked twice: first while the lines are scanned, then, after enough questions, sorted.</summary>
    private static void AskTwice(Action<SentLines> questions)
    {
        var sent = new SentLines(History);
        questions(sent);
        for (var i = 0; i < 10; i++)
        {
            sent.TimesBilled("99213", Day, 0);
        }

        questions(sent);
    }

    [Fact]
    public void Answers_AreTheSameScannedAndSorted() => AskTwice(sent =>
    {
        Assert.Equal(2, sent.TimesBilled("G0439", Day, 365));
        Assert.Equal(3, sent.TimesBilled("G0439 G0438", Day, 365));
        Assert.Equal(3, sent.TimesBilled("G0439", Day, 366));
        Assert.Equal(1, sent.TimesBilled("G0439", Day, 0));
        Assert.Equal(0, sent.TimesBilled("G0401 XXXXX", Day, 366));
        Assert.Equal(5.0, sent.UnitsBilledOn("99213", Day));
        Assert.Equal(6.0, sent.UnitsBilledOn("99213 99214", Day));
        Assert.Equal(4.0, sent.UnitsBilledOn("99213", Day.AddDays(-1)));
        Assert.Equal(0.0, sent.UnitsBilledOn("G0402", Day));
        Assert.Equal(Day, sent.LastBilled("G0439", Day));
        Assert.Equal(new DateOnly(2025, 7, 14), sent.LastBilled("G0439", Day.AddDays(-1)));
        Assert.Equal(new DateOnly(2026, 2, 1), sent.LastBilled("G0438", Day));
        Assert.Equal(new DateOnly(2024, 12, 31), sent.LastBilled("G0402 G0401", Day));
        Assert.Null(sent.LastBilled("G0402", new DateOnly(2024, 12, 30)));
        Assert.Null(sent.LastBilled("99215", Day));
    });

    [Fact]
    public void NoHistory_AnswersNothing()
    {
        Assert.Equal(0, SentLines.None.TimesBilled("G0439", Day, 365));
        Assert.Equal(0.0, SentLines.None.UnitsBilledOn("G0439", Day));
        Assert.Null(SentLines.None.LastBilled("G0439", Day));
    }
}
