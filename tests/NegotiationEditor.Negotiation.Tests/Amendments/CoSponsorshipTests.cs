using NegotiationEditor.Negotiation.Positions;
using NegotiationEditor.Negotiation.Tests.Support;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Negotiation.Tests.Amendments;

public sealed class CoSponsorshipTests
{
    [Test]
    public void A_delegation_joining_as_co_sponsor_is_named_with_the_proposer_and_its_earlier_position_no_longer_shows()
    {
        var table = new SeedTable();
        var amendment = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        table.Apply(table.Workflow.TakePosition(table.State, table.DelegateOf("Iran").Id, table.Document, amendment.Id, table.Id("Iran"), PositionKind.Supports));
        table.Apply(table.Workflow.TakePosition(table.State, table.DelegateOf("Russia").Id, table.Document, amendment.Id, table.Id("Russia"), PositionKind.Objects));

        var joined = table.Apply(table.Workflow.JoinAsCoSponsor(table.State, table.DelegateOf("Russia").Id, table.Document, amendment.Id, table.Id("Russia")));

        var positions = table.TheDocument.Positions;
        var reading = ConsensusReading.Of(joined, positions, table.Delegations);
        Assert.Multiple(() =>
        {
            Assert.That(AmendmentLedger.Render(joined, positions, table.Delegations), Is.EqualTo("Proposed by Greece, Russia; supported by Iran"));
            Assert.That(reading.Objecting, Is.Empty);
            Assert.That(reading.Supporting, Is.EqualTo(new[] { table.Id("Greece"), table.Id("Russia"), table.Id("Iran") }));
            Assert.That(table.State.History[^1].Event, Is.EqualTo(HistoryEvent.CoSponsorJoined));
            Assert.That(table.State.History[^1].Description, Is.EqualTo("Russia joined the amendment of Greece in op-1 as co-sponsor"));
        });
    }

    [Test]
    public void A_sponsor_cannot_join_again_and_nobody_joins_a_decided_amendment()
    {
        var table = new SeedTable();
        var amendment = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind", "Iran");
        var other = table.ProposeReplacement("UK", "Chair of CSTD", "Chair of the CSTD");
        table.Apply(table.Workflow.Reject(table.State, table.Chair.Id, table.Document, other.Id));

        var proposer = table.Workflow.JoinAsCoSponsor(table.State, table.DelegateOf("Greece").Id, table.Document, amendment.Id, table.Id("Greece"));
        var coSponsor = table.Workflow.JoinAsCoSponsor(table.State, table.DelegateOf("Iran").Id, table.Document, amendment.Id, table.Id("Iran"));
        var late = table.Workflow.JoinAsCoSponsor(table.State, table.DelegateOf("India").Id, table.Document, other.Id, table.Id("India"));

        Assert.Multiple(() =>
        {
            Assert.That(proposer.Refusal, Is.EqualTo(Refusal.Conflict("Greece already sponsors this amendment")));
            Assert.That(coSponsor.Refusal, Is.EqualTo(Refusal.Conflict("Iran already sponsors this amendment")));
            Assert.That(late.Refusal, Is.EqualTo(Refusal.Conflict("the amendment is rejected: only a proposed amendment gains co-sponsors")));
        });
    }

    [Test]
    public void Only_a_delegate_of_the_joining_delegation_may_join_for_it()
    {
        var table = new SeedTable();
        var amendment = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");

        var forged = table.Workflow.JoinAsCoSponsor(table.State, table.DelegateOf("India").Id, table.Document, amendment.Id, table.Id("Russia"));
        var observer = table.Workflow.JoinAsCoSponsor(table.State, table.Observer.Id, table.Document, amendment.Id, table.Id("Russia"));
        var chair = table.Workflow.JoinAsCoSponsor(table.State, table.Chair.Id, table.Document, amendment.Id, table.Id("Russia"));

        Assert.That(new[] { forged, observer, chair }.Select(o => o.Refusal?.Kind), Is.All.EqualTo(RefusalKind.Forbidden));
        Assert.That(table.TheDocument.FindAmendment(amendment.Id)!.CoSponsors, Is.Empty);
    }
}
