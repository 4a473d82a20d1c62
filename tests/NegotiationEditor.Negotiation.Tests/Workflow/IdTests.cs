using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Tests.Support;

namespace NegotiationEditor.Negotiation.Tests.Workflow;

public sealed class IdTests
{
    [Test]
    public void A_new_id_is_a_version_4_guid_drawn_from_the_injected_randomness()
    {
        var first = AmendmentId.New(new SeededRandom(1));
        var again = AmendmentId.New(new SeededRandom(1));
        var other = AmendmentId.New(new SeededRandom(2));

        Assert.That(first, Is.EqualTo(again));
        Assert.That(first, Is.Not.EqualTo(other));
        Assert.That(first.ToString()[14], Is.EqualTo('4'));
        Assert.That(first.ToString()[19], Is.AnyOf('8', '9', 'a', 'b'));
    }

    [Test]
    public void An_id_reads_back_what_it_writes_and_refuses_anything_else()
    {
        var id = DocumentId.New(new SeededRandom(3));

        Assert.Multiple(() =>
        {
            Assert.That(DocumentId.TryParse(id.ToString(), out var read), Is.True);
            Assert.That(read, Is.EqualTo(id));
            Assert.That(DocumentId.TryParse("not an id", out _), Is.False);
            Assert.That(DocumentId.TryParse(null, out _), Is.False);
            Assert.That(DocumentId.TryParse(Guid.Empty.ToString(), out _), Is.False);
        });
    }

    [Test]
    public void Opening_a_negotiation_needs_a_title_and_a_chair_with_a_name()
    {
        var workflow = new NegotiationEditor.Negotiation.Workflow.NegotiationWorkflow(new ManualClock(SeedTable.Morning), new SeededRandom(4), new LiveText(""));

        Assert.That(workflow.Open("", "Chair").Refusal?.Kind, Is.EqualTo(RefusalKind.Invalid));
        Assert.That(workflow.Open("Working Group", "").Refusal, Is.EqualTo(Refusal.Invalid("a participant needs a name")));
        var opened = workflow.Open("Working Group", "Chair").Value;
        Assert.That(opened.Negotiation.Participants.Single(), Is.EqualTo(opened.Value));
        Assert.That(opened.Negotiation.History.Single().Event, Is.EqualTo(NegotiationEditor.Negotiation.Workflow.HistoryEvent.NegotiationOpened));
    }
}
