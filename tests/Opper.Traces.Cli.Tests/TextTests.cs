using Opper.Traces.Cli.Output;

namespace Opper.Traces.Cli.Tests;

public class TextTests
{
    [TestCase("plain", "plain")]
    [TestCase("a\tb\r\nc\u2028d", "a b  c d")]
    [TestCase("\u001b[2J", "\uFFFD[2J")]
    [TestCase("x\u009by\u007fz", "x\uFFFDy\uFFFDz")]
    [TestCase("\u202Eevil\u2066", "\uFFFDevil\uFFFD")]
    [TestCase(null, "")]
    public void OneLine_keeps_the_terminal_safe(string? input, string expected) =>
        Assert.That(Text.OneLine(input), Is.EqualTo(expected));

    [Test]
    public void Preview_cuts_and_marks_the_cut()
    {
        Assert.That(Text.Preview("abcdef", 3), Is.EqualTo("abc..."));
        Assert.That(Text.Preview("abc", 3), Is.EqualTo("abc"));
        Assert.That(Text.Preview("a\nb\nc", 3), Is.EqualTo("a b..."));
        Assert.That(Text.Preview("a\nb", 3), Is.EqualTo("a b"));
    }

    [Test]
    public void Preview_never_splits_a_surrogate_pair()
    {
        string emoji = "ab😀cd";
        Assert.That(Text.Preview(emoji, 3), Is.EqualTo("ab..."));
        Assert.That(Text.Preview(emoji, 4), Is.EqualTo("ab😀..."));
    }

    [Test]
    public void Numbers_are_formatted_the_same_everywhere()
    {
        Assert.That(Text.Count(12931), Is.EqualTo("12,931"));
        Assert.That(Text.Ms(18734L), Is.EqualTo("18,734 ms"));
        Assert.That(Text.Ms(12102.328), Is.EqualTo("12,102.3 ms"));
        Assert.That(Text.Percent(0.88566), Is.EqualTo("88.6%"));
        Assert.That(Text.Number(2859.568), Is.EqualTo("2859.568"));
    }
}
