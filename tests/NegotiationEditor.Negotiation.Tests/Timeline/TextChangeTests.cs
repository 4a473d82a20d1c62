using NegotiationEditor.Negotiation.Timeline;

namespace NegotiationEditor.Negotiation.Tests.Timeline;

/// <summary>What a burst of typing changed, as one span between the common start and the common end.</summary>
public sealed class TextChangeTests
{
    [TestCase("bearing in mind the rules", "bearing in mind the rules", 25, "", "")]
    [TestCase("the rules", "the established rules", 4, "", "established ")]
    [TestCase("the established rules", "the rules", 4, "established ", "")]
    [TestCase("in accordance with", "in line with", 3, "accordance", "line")]
    [TestCase("the rule applies", "the rules apply", 4, "rule applies", "rules apply")]
    [TestCase("", "Rev.1", 0, "", "Rev.1")]
    [TestCase("aaa", "aaaa", 0, "aaa", "aaaa")]
    public void The_change_between_two_texts_is_the_span_of_whole_words_between_their_common_start_and_end(string before, string after, int index, string removed, string inserted)
    {
        var change = TextChange.Between(before, after);

        Assert.That(change, Is.EqualTo(new TextChange(index, removed, inserted)));
        Assert.That(before[..change.Index] + change.Inserted + before[(change.Index + change.Removed.Length)..], Is.EqualTo(after));
    }

    [Test]
    public void A_change_never_splits_a_character_outside_the_basic_plane()
    {
        // Two emoji sharing their high surrogate: only the low surrogates differ.
        var change = TextChange.Between("x\U0001F600y", "x\U0001F601y");

        Assert.That(change, Is.EqualTo(new TextChange(1, "\U0001F600", "\U0001F601")));
    }
}
