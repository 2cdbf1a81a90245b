using Scrubber.Audit.Records;

namespace Scrubber.Audit.Tests;

/// <summary>An edit's words become a template over its fields and render back exactly.</summary>
public sealed class MessageTemplateTests
{
    private static readonly (string Name, string Value)[] Fields =
        [("line", "1"), ("related_line", "2"), ("related_claim", "CLM-9"), ("column1", "99213"), ("column2", "36591"), ("bypass", "")];

    [Theory]
    [InlineData("99213 and 36591 on line 1 pair with line 2 of CLM-9.", "{column1} and {column2} on line {line} pair with line {related_line} of {related_claim}.")]
    [InlineData("Charge $100 on 992131 stays: 1", "Charge $100 on 992131 stays: {line}")]
    [InlineData("Literal {line} and }{ braces", "Literal {{line}} and }}{{ braces")]
    [InlineData("", "")]
    public void Derive_ReplacesWholeWordsOnly_AndRendersBackExactly(string message, string template)
    {
        Assert.Equal(template, MessageTemplate.Derive(message, Fields));
        Assert.Equal(message, MessageTemplate.Render(template, Fields));
    }

    [Fact]
    public void Derive_OnRandomMessages_IsTheLongestWholeWordScan_AndRendersBackExactly()
    {
        var random = new Random(1617);
        string[] pieces = ["1", "2", "12", "21", "CLM-9", "CLM", "99213", "36591", "992131", "XU", "{", "}", "{{", " ", " ", "-", ".", ":", "a", "line"];
        for (var run = 0; run < 5_000; run++)
        {
            (string Name, string Value)[] fields =
            [
                ("line", Pick(random, ["1", "12", "2", "L1"])), ("related_line", Pick(random, ["2", "1", "", "21"])),
                ("related_claim", Pick(random, ["CLM-9", "CLM", "", "1"])), ("column1", Pick(random, ["99213", "992131", "1"])),
                ("column2", Pick(random, ["36591", "99213", "2"])), ("bypass", Pick(random, ["", "XU", "59"])),
            ];
            var message = string.Concat(Enumerable.Range(0, random.Next(0, 25)).Select(_ => Pick(random, pieces)));

            var template = MessageTemplate.Derive(message, fields);

            Assert.Equal(LongestWholeWordScan(message, fields), template);
            Assert.Equal(message, MessageTemplate.Render(template, fields));
        }
    }

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];

    // The rule as written: left to right; at each word start the longest value found there (the first field on a tie)
    // becomes its placeholder and the scan goes on after it; every other character is kept, braces doubled.
    private static string LongestWholeWordScan(string message, (string Name, string Value)[] fields)
    {
        var ordered = fields.Where(f => f.Value.Length > 0).OrderByDescending(f => f.Value.Length).ToArray();
        var template = new System.Text.StringBuilder();
        for (var at = 0; at < message.Length;)
        {
            var placed = at == 0 || !char.IsLetterOrDigit(message[at - 1])
                ? ordered.FirstOrDefault(f => string.CompareOrdinal(message, at, f.Value, 0, f.Value.Length) == 0 && at + f.Value.Length <= message.Length
                    && (at + f.Value.Length == message.Length || !char.IsLetterOrDigit(message[at + f.Value.Length])))
                : default;
            if (placed.Name is { } name)
            {
                template.Append('{').Append(name).Append('}');
                at += placed.Value.Length;
            }
            else
            {
                var c = message[at++];
                template.Append(c);
                if (c is '{' or '}')
                {
                    template.Append(c);
                }
            }
        }

        return template.ToString();
    }

    [Fact]
    public void Render_AFieldTheEditLacks_FailsNamingIt()
    {
        var ex = Assert.Throws<InvalidDataException>(() => MessageTemplate.Render("see {modifier}", Fields));

        Assert.Contains("'modifier'", ex.Message, StringComparison.Ordinal);
    }
}
