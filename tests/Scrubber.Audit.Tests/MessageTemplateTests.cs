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
    public void Render_AFieldTheEditLacks_FailsNamingIt()
    {
        var ex = Assert.Throws<InvalidDataException>(() => MessageTemplate.Render("see {modifier}", Fields));

        Assert.Contains("'modifier'", ex.Message, StringComparison.Ordinal);
    }
}
