using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Negotiation.Tests.Support;

namespace NegotiationEditor.Negotiation.Tests.Access;

public sealed class ParticipantTests
{
    [TestCase(ParticipantRole.MemberStateDelegate, "ICC", "a member-state delegate acts for a member-state delegation")]
    [TestCase(ParticipantRole.MemberStateDelegate, null, "a member-state delegate acts for a member-state delegation")]
    [TestCase(ParticipantRole.Stakeholder, "Greece", "a stakeholder acts for a stakeholder or an intergovernmental organisation")]
    [TestCase(ParticipantRole.Secretariat, "Greece", "the secretariat acts for no delegation")]
    [TestCase(ParticipantRole.Observer, "UK", "an observer attends alone or for an observer state")]
    public void A_role_that_does_not_fit_the_delegation_is_refused(ParticipantRole role, string? delegation, string problem)
    {
        var table = new SeedTable();
        var before = table.State;

        var outcome = table.Workflow.AddParticipant(before, table.Chair.Id, "Someone", role, delegation is null ? null : table.Id(delegation));

        Assert.That(outcome.Refusal, Is.EqualTo(Refusal.Invalid(problem)));
        Assert.That(before.Participants, Has.Count.EqualTo(table.State.Participants.Count));
    }

    [TestCase(ParticipantRole.MemberStateDelegate, "Greece")]
    [TestCase(ParticipantRole.Stakeholder, "EU")]
    [TestCase(ParticipantRole.Stakeholder, "APC")]
    [TestCase(ParticipantRole.Observer, null)]
    public void A_role_that_fits_the_delegation_is_added_and_recorded(ParticipantRole role, string? delegation)
    {
        var table = new SeedTable();

        var added = table.Apply(table.Workflow.AddParticipant(table.State, table.Secretariat.Id, "Second delegate", role, delegation is null ? null : table.Id(delegation)));

        Assert.That(table.State.FindParticipant(added.Id), Is.EqualTo(added));
        Assert.That(table.State.History[^1].Event, Is.EqualTo(Negotiation.Workflow.HistoryEvent.ParticipantAdded));
    }

    [Test]
    public void An_observer_may_attend_for_an_observer_state()
    {
        var table = new SeedTable();
        var holySee = table.Apply(table.Workflow.AddDelegation(table.State, table.Chair.Id, "Holy See", DelegationKind.ObserverState));

        var observer = table.Workflow.AddParticipant(table.State, table.Chair.Id, "Observer of the Holy See", ParticipantRole.Observer, holySee.Id);

        Assert.That(observer.Succeeded, Is.True);
    }

    [Test]
    public void A_second_chair_an_unknown_delegation_and_bad_names_are_refused()
    {
        var table = new SeedTable();

        Assert.Multiple(() =>
        {
            Assert.That(table.Workflow.AddParticipant(table.State, table.Chair.Id, "Vice-Chair", ParticipantRole.Chair, null).Refusal,
                Is.EqualTo(Refusal.Conflict("the negotiation already has a chair")));
            Assert.That(table.Workflow.AddParticipant(table.State, table.Chair.Id, "Someone", ParticipantRole.MemberStateDelegate, new DelegationId(Guid.NewGuid())).Refusal,
                Is.EqualTo(Refusal.NotFound("there is no such delegation in this negotiation")));
            Assert.That(table.Workflow.AddParticipant(table.State, table.Chair.Id, " ", ParticipantRole.Observer, null).Refusal,
                Is.EqualTo(Refusal.Invalid("a participant needs a name")));
            Assert.That(table.Workflow.AddParticipant(table.State, table.Chair.Id, "Tab\there", ParticipantRole.Observer, null).Refusal?.Kind,
                Is.EqualTo(RefusalKind.Invalid));
            Assert.That(table.Workflow.AddParticipant(table.State, table.Chair.Id, "Someone", (ParticipantRole)9, null).Refusal,
                Is.EqualTo(Refusal.Invalid("unknown role")));
        });
    }

    [Test]
    public void Nobody_removes_themselves_and_a_removed_participant_is_removed_once()
    {
        var table = new SeedTable();
        var uk = table.DelegateOf("UK").Id;

        var self = table.Workflow.RemoveParticipant(table.State, table.Chair.Id, table.Chair.Id);
        table.Apply(table.Workflow.RemoveParticipant(table.State, table.Secretariat.Id, uk));
        var twice = table.Workflow.RemoveParticipant(table.State, table.Chair.Id, uk);

        Assert.That(self.Refusal, Is.EqualTo(Refusal.Invalid("a participant cannot remove themselves")));
        Assert.That(twice.Refusal, Is.EqualTo(Refusal.Conflict("Delegate of UK has already been removed")));
        Assert.That(table.State.FindParticipant(uk)!.IsRemoved, Is.True);
    }

    [Test]
    public void The_secretariat_cannot_take_over_the_access_of_the_chair_or_the_secretariat()
    {
        var table = new SeedTable();
        var secretariat = table.Secretariat.Id;
        var colleague = table.Apply(table.Workflow.AddParticipant(table.State, table.Chair.Id, "Second officer", ParticipantRole.Secretariat, null));
        var refusal = Refusal.Forbidden("only the chair manages the access of the chair and the secretariat");

        Assert.Multiple(() =>
        {
            Assert.That(table.Workflow.IssueInvite(table.State, secretariat, table.Chair.Id).Refusal, Is.EqualTo(refusal));
            Assert.That(table.Workflow.IssueInvite(table.State, secretariat, colleague.Id).Refusal, Is.EqualTo(refusal));
            Assert.That(table.Workflow.RevokeInvites(table.State, secretariat, table.Chair.Id).Refusal, Is.EqualTo(refusal));
            Assert.That(table.Workflow.RemoveParticipant(table.State, secretariat, colleague.Id).Refusal, Is.EqualTo(refusal));
            Assert.That(table.Workflow.AddParticipant(table.State, secretariat, "Third officer", ParticipantRole.Secretariat, null).Refusal, Is.EqualTo(refusal));
            Assert.That(table.Workflow.IssueInvite(table.State, secretariat, table.DelegateOf("UK").Id).Succeeded, Is.True);
            Assert.That(table.Workflow.IssueInvite(table.State, table.Chair.Id, table.Chair.Id).Succeeded, Is.True);
            Assert.That(table.Workflow.RemoveParticipant(table.State, table.Chair.Id, colleague.Id).Succeeded, Is.True);
        });
    }

    [Test]
    public void The_chair_cannot_be_removed()
    {
        var table = new SeedTable();
        var colleague = table.Apply(table.Workflow.AddParticipant(table.State, table.Chair.Id, "Second officer", ParticipantRole.Secretariat, null));

        Assert.That(table.Workflow.RemoveParticipant(table.State, colleague.Id, table.Chair.Id).Refusal,
            Is.EqualTo(Refusal.Invalid("the chair cannot be removed")));
    }
}
