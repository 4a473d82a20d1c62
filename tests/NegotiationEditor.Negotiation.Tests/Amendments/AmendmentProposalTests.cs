using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Negotiation.Tests.Support;

namespace NegotiationEditor.Negotiation.Tests.Amendments;

/// <summary>A malformed proposal gets a clear error and changes nothing.</summary>
public sealed class AmendmentProposalTests
{
    private static readonly TextAnchor Span = TextAnchor.Create(new ParagraphId("op-1"), [1], [2]).Value;
    private static readonly TextAnchor Point = TextAnchor.Create(new ParagraphId("op-1"), [3], [3]).Value;
    private static readonly DelegationId Greece = new(Guid.Parse("6f1f2a4e-0000-4000-8000-000000000001"));

    public static IEnumerable<TestCaseData> Malformed()
    {
        AmendmentProposal P(AmendmentKind kind, TextAnchor anchor, string original, params string[] proposed) =>
            new(kind, anchor, original, proposed, Greece, [], "");

        yield return new TestCaseData(P(AmendmentKind.Insert, Point, "in accordance with", "x"), "an insertion touches no existing words: leave the original text empty")
            .SetName("An insertion naming original words is refused");
        yield return new TestCaseData(P(AmendmentKind.Insert, Span, "", "x"), "an insertion is anchored at a point: start and end must be the same position")
            .SetName("An insertion anchored to a span is refused");
        yield return new TestCaseData(P(AmendmentKind.Insert, Point, "", " "), "an insertion proposes some words")
            .SetName("An insertion of nothing but spaces is refused");
        yield return new TestCaseData(P(AmendmentKind.Delete, Span, ""), "a deletion needs the original words it touches")
            .SetName("A deletion without original words is refused");
        yield return new TestCaseData(P(AmendmentKind.Delete, Point, "words"), "a deletion is anchored to a span: start and end must be different positions")
            .SetName("A deletion anchored at a point is refused");
        yield return new TestCaseData(P(AmendmentKind.Delete, Span, "words", "other"), "a deletion proposes no text")
            .SetName("A deletion proposing words is refused");
        yield return new TestCaseData(P(AmendmentKind.Replace, Span, "words"), "a replacement proposes exactly one text")
            .SetName("A replacement without proposed words is refused");
        yield return new TestCaseData(P(AmendmentKind.Replace, Span, "words", "words"), "a replacement proposes words different from the original")
            .SetName("A replacement by the same words is refused");
        yield return new TestCaseData(P(AmendmentKind.Alternatives, Span, "words", "other"), "alternatives offer between 2 and 10 texts")
            .SetName("Alternatives with a single text are refused");
        yield return new TestCaseData(P(AmendmentKind.Alternatives, Span, "words", "a", "a"), "alternatives are all different")
            .SetName("Alternatives repeating a text are refused");
        yield return new TestCaseData(P(AmendmentKind.NewParagraph, Point, "", "a", "b"), "a new paragraph proposes exactly one text")
            .SetName("A new paragraph with two texts is refused");
        yield return new TestCaseData(P(AmendmentKind.DeleteParagraph, Point, "words"), "a deletion of a paragraph is anchored to a span: start and end must be different positions")
            .SetName("Deleting a paragraph anchored at a point is refused");
        yield return new TestCaseData(P((AmendmentKind)42, Span, "words"), "unknown kind of amendment")
            .SetName("An unknown kind of amendment is refused");
        yield return new TestCaseData(P(AmendmentKind.Replace, Span, "words", new string('x', 20_001)), "a text in an amendment has at most 20000 characters")
            .SetName("An oversized proposed text is refused");
    }

    [TestCaseSource(nameof(Malformed))]
    public void A_malformed_proposal_is_described(AmendmentProposal proposal, string problem)
    {
        Assert.That(proposal.CheckShape(), Is.EqualTo(problem));
    }

    [Test]
    public void A_malformed_proposal_is_refused_by_the_workflow_and_changes_nothing()
    {
        var table = new SeedTable();
        var before = table.State;
        var proposal = table.Replacement("Greece", "in accordance with", "in accordance with");

        var outcome = table.Workflow.Propose(before, table.DelegateOf("Greece").Id, table.Document, proposal, table.Live.Text);

        Assert.That(outcome.Refusal, Is.EqualTo(Refusal.Invalid("a replacement proposes words different from the original")));
        Assert.That(before.FindDocument(table.Document)!.Amendments, Is.Empty);
        Assert.That(before.History, Has.Count.EqualTo(table.State.History.Count));
    }

    [Test]
    public void A_proposal_whose_original_words_are_not_at_the_anchor_is_refused()
    {
        var table = new SeedTable();
        var proposal = table.Replacement("Greece", "in accordance with", "bearing in mind") with { OriginalText = "in conformity with" };

        var outcome = table.Workflow.Propose(table.State, table.DelegateOf("Greece").Id, table.Document, proposal, table.Live.Text);

        Assert.That(outcome.Refusal, Is.EqualTo(Refusal.Conflict(
            "the anchored span no longer holds the original text: \"in conformity with\" now reads \"in accordance with\"")));
    }

    [Test]
    public void Co_sponsors_are_delegations_that_take_part_named_once_and_not_the_proposer()
    {
        var table = new SeedTable();
        var greece = table.DelegateOf("Greece").Id;
        var observerState = table.Apply(table.Workflow.AddDelegation(table.State, table.Chair.Id, "Holy See", DelegationKind.ObserverState));
        var basis = table.Replacement("Greece", "in accordance with", "bearing in mind");

        Refusal? Try(params DelegationId[] coSponsors) =>
            table.Workflow.Propose(table.State, greece, table.Document, basis with { CoSponsors = coSponsors }, table.Live.Text).Refusal;

        Assert.Multiple(() =>
        {
            Assert.That(Try(table.Id("Iran"), table.Id("Iran")), Is.EqualTo(Refusal.Invalid("each co-sponsor is named once, and the proposer is not one of them")));
            Assert.That(Try(table.Id("Greece")), Is.EqualTo(Refusal.Invalid("each co-sponsor is named once, and the proposer is not one of them")));
            Assert.That(Try(new DelegationId(Guid.NewGuid())), Is.EqualTo(Refusal.NotFound("a co-sponsor is not a delegation of this negotiation")));
            Assert.That(Try(observerState.Id), Is.EqualTo(Refusal.Invalid("Holy See attends as observer and cannot co-sponsor")));
            Assert.That(Try(table.Id("Iran"), table.Id("ICC")), Is.Null);
        });
    }

    [Test]
    public void An_anchor_needs_both_positions_of_bounded_size()
    {
        var paragraph = new ParagraphId("op-1");

        Assert.Multiple(() =>
        {
            Assert.That(TextAnchor.Create(paragraph, [], [1]).Refusal, Is.EqualTo(Refusal.Invalid("an anchor needs both a start and an end position")));
            Assert.That(TextAnchor.Create(paragraph, new byte[1025], [1]).Refusal, Is.EqualTo(Refusal.Invalid("an anchor position has at most 1024 bytes")));
            Assert.That(TextAnchor.Create(default, [1], [2]).Refusal, Is.EqualTo(Refusal.Invalid("an anchor needs the id of its paragraph")));
        });
    }

    [Test]
    public void An_anchor_keeps_its_own_copy_of_the_position_bytes_and_compares_by_value()
    {
        byte[] start = [1, 2, 3];
        var anchor = TextAnchor.Create(new ParagraphId("op-1"), start, [4, 5]).Value;
        start[0] = 9;

        Assert.That(anchor.Start, Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(anchor, Is.EqualTo(TextAnchor.Create(new ParagraphId("op-1"), [1, 2, 3], [4, 5]).Value));
        Assert.That(anchor, Is.Not.EqualTo(TextAnchor.Create(new ParagraphId("op-2"), [1, 2, 3], [4, 5]).Value));
        Assert.That(anchor.GetHashCode(), Is.EqualTo(TextAnchor.Create(new ParagraphId("op-1"), [1, 2, 3], [4, 5]).Value.GetHashCode()));
    }
}
