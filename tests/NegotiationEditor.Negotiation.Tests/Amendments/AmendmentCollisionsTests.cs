using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Tests.Support;

namespace NegotiationEditor.Negotiation.Tests.Amendments;

public sealed class AmendmentCollisionsTests
{
    [TestCase(10, 20, 15, 25, true, TestName = "Spans sharing characters collide")]
    [TestCase(10, 20, 12, 14, true, TestName = "A span inside another collides")]
    [TestCase(10, 20, 20, 30, false, TestName = "Spans meeting at a boundary do not collide")]
    [TestCase(10, 20, 30, 40, false, TestName = "Spans apart do not collide")]
    [TestCase(10, 20, 15, 15, true, TestName = "A point strictly inside a span collides")]
    [TestCase(10, 20, 10, 10, false, TestName = "A point at the start of a span does not collide")]
    [TestCase(10, 20, 20, 20, false, TestName = "A point at the end of a span does not collide")]
    [TestCase(15, 15, 15, 15, true, TestName = "Two points at the same place collide")]
    [TestCase(15, 15, 16, 16, false, TestName = "Two points at different places do not collide")]
    public void Overlap_is_decided_on_the_resolved_spans(int start1, int end1, int start2, int end2, bool collide)
    {
        var first = new ResolvedSpan(start1, end1);
        var second = new ResolvedSpan(start2, end2);

        Assert.That(first.Overlaps(second), Is.EqualTo(collide));
        Assert.That(second.Overlaps(first), Is.EqualTo(collide), "overlap is symmetric");
    }

    [Test]
    public void Tabling_an_amendment_on_words_already_amended_reports_the_collision()
    {
        var table = new SeedTable();
        var greece = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        table.Minutes(1);

        var tabled = table.Apply(table.Workflow.Propose(table.State, table.DelegateOf("India").Id, table.Document,
            table.Replacement("India", "in accordance with the established rules", "in conformity with the rules"), table.Live.Text));
        var apart = table.Apply(table.Workflow.Propose(table.State, table.DelegateOf("Iran").Id, table.Document,
            table.Replacement("Iran", "Chair of CSTD", "Chair of the CSTD"), table.Live.Text));

        Assert.That(tabled.CollidesWith.Select(a => a.Id), Is.EqualTo(new[] { greece.Id }));
        Assert.That(apart.CollidesWith, Is.Empty);
        Assert.That(new AmendmentCollisions(table.Live).Find(table.Document, table.TheDocument.Amendments),
            Is.EqualTo(new[] { new Collision(greece.Id, tabled.Amendment.Id) }));
    }

    [Test]
    public void Accepting_one_alternative_supersedes_the_others_that_collide_and_leaves_the_rest_open()
    {
        var table = new SeedTable();
        var greece = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        var india = table.ProposeReplacement("India", "in accordance with the established rules", "in conformity with the rules");
        var iran = table.ProposeReplacement("Iran", "Chair of CSTD", "Chair of the CSTD");
        table.Minutes(10);

        var acceptance = table.Apply(table.Workflow.Accept(table.State, table.Chair.Id, table.Document, greece.Id, table.Live.Text));

        var after = table.TheDocument;
        Assert.Multiple(() =>
        {
            Assert.That(acceptance.Superseded.Select(a => a.Id), Is.EqualTo(new[] { india.Id }));
            Assert.That(after.FindAmendment(india.Id)!.Status, Is.EqualTo(AmendmentStatus.Superseded));
            Assert.That(after.FindAmendment(india.Id)!.SupersededBy, Is.EqualTo(greece.Id));
            Assert.That(after.FindAmendment(india.Id)!.DecidedAt, Is.EqualTo(SeedTable.Morning.AddMinutes(10)));
            Assert.That(after.FindAmendment(iran.Id)!.Status, Is.EqualTo(AmendmentStatus.Proposed));
            Assert.That(table.State.History.TakeLast(2).Select(e => (e.Event, e.Amendment)), Is.EqualTo(new[]
            {
                (Negotiation.Workflow.HistoryEvent.AmendmentAccepted, (AmendmentId?)greece.Id),
                (Negotiation.Workflow.HistoryEvent.AmendmentSuperseded, (AmendmentId?)india.Id),
            }));
        });
    }

    [Test]
    public void Decided_amendments_and_amendments_whose_anchor_is_lost_collide_with_nothing()
    {
        var table = new SeedTable();
        var greece = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        var india = table.ProposeReplacement("India", "in accordance with the established rules", "in conformity with the rules");
        var russia = table.ProposeReplacement("Russia", "accordance", "conformity");
        table.Apply(table.Workflow.Withdraw(table.State, table.DelegateOf("Greece").Id, table.Document, greece.Id));
        table.Live.Lose(russia.Anchor);

        var collisions = new AmendmentCollisions(table.Live).Find(table.Document, table.TheDocument.Amendments);
        var acceptance = table.Apply(table.Workflow.Accept(table.State, table.Chair.Id, table.Document, india.Id, table.Live.Text));

        Assert.That(collisions, Is.Empty);
        Assert.That(acceptance.Superseded, Is.Empty);
        Assert.That(table.TheDocument.FindAmendment(russia.Id)!.Status, Is.EqualTo(AmendmentStatus.Proposed));
    }

    [Test]
    public void An_insertion_inside_a_span_being_replaced_collides_with_the_replacement()
    {
        var table = new SeedTable();
        var replacement = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        var point = table.Live.Text.IndexOf("accordance", StringComparison.Ordinal);
        var insertion = table.Apply(table.Workflow.Propose(table.State, table.DelegateOf("UK").Id, table.Document,
            new AmendmentProposal(AmendmentKind.Insert, table.Live.Anchor(point, point), "", ["full "], table.Id("UK"), [], "stress"),
            table.Live.Text));

        Assert.That(insertion.CollidesWith.Single().Id, Is.EqualTo(replacement.Id));
    }
}
