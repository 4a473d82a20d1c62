using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Tests.Support;

namespace NegotiationEditor.Negotiation.Tests.Amendments;

public sealed class AmendmentLifecycleTests
{
    public static IEnumerable<TestCaseData> EveryTransition()
    {
        foreach (var from in Enum.GetValues<AmendmentStatus>())
        {
            foreach (var to in Enum.GetValues<AmendmentStatus>())
            {
                var allowed = from == AmendmentStatus.Proposed && to != AmendmentStatus.Proposed;
                yield return new TestCaseData(from, to).Returns(allowed).SetName($"An amendment {from} may become {to}: {allowed}");
            }
        }
    }

    [TestCaseSource(nameof(EveryTransition))]
    public bool Only_a_proposed_amendment_moves_and_every_other_status_is_final(AmendmentStatus from, AmendmentStatus to) =>
        AmendmentLifecycle.CanMove(from, to);

    [Test]
    public void A_withdrawn_amendment_can_be_neither_accepted_nor_rejected_nor_withdrawn_again()
    {
        var table = new SeedTable();
        var amendment = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        table.Apply(table.Workflow.Withdraw(table.State, table.DelegateOf("Greece").Id, table.Document, amendment.Id));

        var accept = table.Workflow.Accept(table.State, table.Chair.Id, table.Document, amendment.Id, table.Live.Text);
        var reject = table.Workflow.Reject(table.State, table.Chair.Id, table.Document, amendment.Id);
        var again = table.Workflow.Withdraw(table.State, table.DelegateOf("Greece").Id, table.Document, amendment.Id);

        Assert.Multiple(() =>
        {
            Assert.That(accept.Refusal, Is.EqualTo(Refusal.Conflict("the amendment is withdrawn: it cannot become accepted")));
            Assert.That(reject.Refusal, Is.EqualTo(Refusal.Conflict("the amendment is withdrawn: it cannot become rejected")));
            Assert.That(again.Refusal, Is.EqualTo(Refusal.Conflict("the amendment is withdrawn: it cannot become withdrawn")));
            Assert.That(table.TheDocument.FindAmendment(amendment.Id)!.Status, Is.EqualTo(AmendmentStatus.Withdrawn));
        });
    }

    [Test]
    public void Withdrawing_and_rejecting_record_the_time_of_the_decision()
    {
        var table = new SeedTable();
        var greece = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        var iran = table.ProposeReplacement("Iran", "Chair of CSTD", "Chair of the CSTD");
        table.Minutes(3);
        var withdrawn = table.Apply(table.Workflow.Withdraw(table.State, table.DelegateOf("Greece").Id, table.Document, greece.Id));
        table.Minutes(4);
        var rejected = table.Apply(table.Workflow.Reject(table.State, table.Chair.Id, table.Document, iran.Id));

        Assert.Multiple(() =>
        {
            Assert.That(withdrawn.Status, Is.EqualTo(AmendmentStatus.Withdrawn));
            Assert.That(withdrawn.DecidedAt, Is.EqualTo(SeedTable.Morning.AddMinutes(3)));
            Assert.That(rejected.Status, Is.EqualTo(AmendmentStatus.Rejected));
            Assert.That(rejected.DecidedAt, Is.EqualTo(SeedTable.Morning.AddMinutes(7)));
        });
    }

    [Test]
    public void Only_the_proposing_delegation_withdraws_not_a_co_sponsor_nor_the_chair()
    {
        var table = new SeedTable();
        var amendment = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind", "Iran");

        var byCoSponsor = table.Workflow.Withdraw(table.State, table.DelegateOf("Iran").Id, table.Document, amendment.Id);
        var byChair = table.Workflow.Withdraw(table.State, table.Chair.Id, table.Document, amendment.Id);

        Assert.That(byCoSponsor.Refusal?.Kind, Is.EqualTo(RefusalKind.Forbidden));
        Assert.That(byChair.Refusal?.Kind, Is.EqualTo(RefusalKind.Forbidden));
    }
}
