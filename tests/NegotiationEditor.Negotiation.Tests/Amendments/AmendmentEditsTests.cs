using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Tests.Support;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Negotiation.Tests.Amendments;

/// <summary>Accepting each kind of amendment yields the exact edit, or a clear error when the text moved away.</summary>
public sealed class AmendmentEditsTests
{
    private const string TwoParagraphs =
        "The Chair invites the following stakeholders to interactively participate in the Working Group.\n\n"
        + "Decisions of this Working Group will be made by the 22 member states.";

    private static (SeedTable Table, Amendment Amendment) Tabled(AmendmentKind kind, Func<LiveText, TextAnchor> anchor, string original, params string[] proposed)
    {
        var table = new SeedTable();
        table.Live.Type(0, table.Live.Text.Length, TwoParagraphs);
        var proposal = new AmendmentProposal(kind, anchor(table.Live), original, proposed, table.Id("India"), [], "");
        var amendment = table.Apply(table.Workflow.Propose(table.State, table.DelegateOf("India").Id, table.Document, proposal, table.Live.Text)).Amendment;
        return (table, amendment);
    }

    private static Outcome<Change<Acceptance>> AcceptIn(SeedTable table, Amendment amendment, int? alternative = null) =>
        table.Workflow.Accept(table.State, table.Chair.Id, table.Document, amendment.Id, table.Live.Text, alternative);

    private static string Applied(SeedTable table, IEnumerable<TextEdit> edits)
    {
        foreach (var edit in edits)
        {
            table.Live.Apply(edit);
        }

        return table.Live.Text;
    }

    [Test]
    public void Accepting_a_replacement_rewrites_only_the_anchored_span()
    {
        var (table, amendment) = Tabled(AmendmentKind.Replace, live => live.AnchorOn("interactively participate"), "interactively participate", "participate");

        var edits = AcceptIn(table, amendment).Value.Value.Edits;

        Assert.That(edits, Is.EqualTo(new[] { new TextEdit(48, 25, "participate") }));
        Assert.That(Applied(table, edits), Is.EqualTo(
            "The Chair invites the following stakeholders to participate in the Working Group.\n\n"
            + "Decisions of this Working Group will be made by the 22 member states."));
    }

    [Test]
    public void Accepting_an_insertion_inserts_at_the_point_and_deletes_nothing()
    {
        var (table, amendment) = Tabled(AmendmentKind.Insert, live => live.Anchor(94, 94), "", " as observers");

        var edits = AcceptIn(table, amendment).Value.Value.Edits;

        Assert.That(edits, Is.EqualTo(new[] { new TextEdit(94, 0, " as observers") }));
        Assert.That(Applied(table, edits), Does.StartWith("The Chair invites the following stakeholders to interactively participate in the Working Group as observers.\n\n"));
    }

    [Test]
    public void Accepting_a_deletion_removes_the_words_and_inserts_nothing()
    {
        var (table, amendment) = Tabled(AmendmentKind.Delete, live => live.AnchorOn(" interactively"), " interactively");

        var edits = AcceptIn(table, amendment).Value.Value.Edits;

        Assert.That(edits, Is.EqualTo(new[] { new TextEdit(47, 14, "") }));
        Assert.That(Applied(table, edits), Does.StartWith("The Chair invites the following stakeholders to participate"));
    }

    [Test]
    public void Accepting_alternatives_applies_the_alternative_the_chair_chose()
    {
        var (table, amendment) = Tabled(AmendmentKind.Alternatives, live => live.AnchorOn("the 22 member states"), "the 22 member states",
            "the 22 member states", "consensus");

        var refusedWithoutChoice = AcceptIn(table, amendment);
        var refusedOutOfRange = AcceptIn(table, amendment, 2);
        var edits = AcceptIn(table, amendment, 1).Value.Value.Edits;

        Assert.Multiple(() =>
        {
            Assert.That(refusedWithoutChoice.Refusal, Is.EqualTo(Refusal.Invalid("choose one of the 2 alternatives to accept")));
            Assert.That(refusedOutOfRange.Refusal, Is.EqualTo(Refusal.Invalid("there is no alternative 2: choose 0 to 1")));
            Assert.That(edits, Is.EqualTo(new[] { new TextEdit(145, 20, "consensus") }));
            Assert.That(Applied(table, edits), Does.EndWith("will be made by consensus."));
        });
    }

    [Test]
    public void Accepting_the_alternative_that_keeps_the_original_changes_nothing_and_records_the_choice()
    {
        var (table, amendment) = Tabled(AmendmentKind.Alternatives, live => live.AnchorOn("the 22 member states"), "the 22 member states",
            "the 22 member states", "consensus");

        var acceptance = table.Apply(AcceptIn(table, amendment, 0));

        Assert.That(acceptance.Edits, Is.Empty);
        Assert.That(acceptance.Amendment.AcceptedAlternative, Is.EqualTo(0));
    }

    [Test]
    public void Accepting_a_new_paragraph_inserts_a_paragraph_break_and_the_text_after_the_anchored_paragraph()
    {
        var (table, amendment) = Tabled(AmendmentKind.NewParagraph, live => live.Anchor(95, 95, "op-1"), "",
            "The report of this Working Group will be adopted by consensus.");

        var edits = AcceptIn(table, amendment).Value.Value.Edits;

        Assert.That(edits, Is.EqualTo(new[] { new TextEdit(95, 0, "\n\nThe report of this Working Group will be adopted by consensus.") }));
        Assert.That(Applied(table, edits), Is.EqualTo(
            "The Chair invites the following stakeholders to interactively participate in the Working Group.\n\n"
            + "The report of this Working Group will be adopted by consensus.\n\n"
            + "Decisions of this Working Group will be made by the 22 member states."));
    }

    [Test]
    public void Accepting_the_deletion_of_a_paragraph_removes_the_anchored_paragraph_and_its_break()
    {
        var (table, amendment) = Tabled(AmendmentKind.DeleteParagraph, live => live.Anchor(95, 166, "op-2"),
            "\n\nDecisions of this Working Group will be made by the 22 member states.");

        var edits = AcceptIn(table, amendment).Value.Value.Edits;

        Assert.That(edits, Is.EqualTo(new[] { new TextEdit(95, 71, "") }));
        Assert.That(Applied(table, edits), Is.EqualTo("The Chair invites the following stakeholders to interactively participate in the Working Group."));
    }

    [Test]
    public void The_edit_follows_the_anchor_when_others_type_before_it()
    {
        var (table, amendment) = Tabled(AmendmentKind.Replace, live => live.AnchorOn("22 member states"), "22 member states", "member states");
        table.Live.Type(0, 0, "[Chapeau] ");

        var edits = AcceptIn(table, amendment).Value.Value.Edits;

        Assert.That(edits, Is.EqualTo(new[] { new TextEdit(159, 16, "member states") }));
        Assert.That(Applied(table, edits), Does.EndWith("will be made by the member states."));
    }

    [Test]
    public void Accepting_is_refused_when_the_anchored_span_no_longer_holds_the_original_text()
    {
        var (table, amendment) = Tabled(AmendmentKind.Replace, live => live.AnchorOn("22 member states"), "22 member states", "member states");
        table.Live.Type(149, 2, "twenty-two");
        var before = table.State;

        var refused = AcceptIn(table, amendment);

        Assert.That(refused.Refusal, Is.EqualTo(Refusal.Conflict(
            "the anchored span no longer holds the original text: \"22 member states\" now reads \"twenty-two member states\"")));
        Assert.That(table.State, Is.SameAs(before));
        Assert.That(before.FindDocument(table.Document)!.FindAmendment(amendment.Id)!.Status, Is.EqualTo(AmendmentStatus.Proposed));
    }

    [Test]
    public void Accepting_is_refused_when_the_anchored_words_were_deleted()
    {
        var (table, amendment) = Tabled(AmendmentKind.Replace, live => live.AnchorOn("22 member states"), "22 member states", "member states");
        table.Live.Type(145, 20, "");

        var refused = AcceptIn(table, amendment);

        Assert.That(refused.Refusal, Is.EqualTo(Refusal.Conflict("the anchored span no longer exists: \"22 member states\" was deleted")));
    }

    [Test]
    public void Accepting_is_refused_when_the_anchor_no_longer_resolves()
    {
        var (table, amendment) = Tabled(AmendmentKind.Delete, live => live.AnchorOn(" interactively"), " interactively");
        table.Live.Lose(amendment.Anchor);

        var refused = AcceptIn(table, amendment);

        Assert.That(refused.Refusal, Is.EqualTo(Refusal.Conflict("the anchored span no longer exists in the text")));
    }

    [Test]
    public void Accepting_is_refused_when_the_resolved_span_lies_outside_the_text_given()
    {
        var (table, amendment) = Tabled(AmendmentKind.Delete, live => live.AnchorOn("member states"), "member states");

        var refused = table.Workflow.Accept(table.State, table.Chair.Id, table.Document, amendment.Id, "A shorter text.");

        Assert.That(refused.Refusal?.Kind, Is.EqualTo(RefusalKind.Conflict));
        Assert.That(refused.Refusal?.Message, Does.Contain("lies outside the current text (15 characters)"));
    }

    [Test]
    public void A_choice_of_alternative_is_refused_for_an_amendment_without_alternatives()
    {
        var (table, amendment) = Tabled(AmendmentKind.Delete, live => live.AnchorOn(" interactively"), " interactively");

        Assert.That(AcceptIn(table, amendment, 0).Refusal, Is.EqualTo(Refusal.Invalid("only an amendment with alternatives takes a choice of alternative")));
    }
}
