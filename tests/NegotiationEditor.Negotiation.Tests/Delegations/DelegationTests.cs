using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Negotiation.Tests.Support;

namespace NegotiationEditor.Negotiation.Tests.Delegations;

public sealed class DelegationTests
{
    [TestCase(DelegationKind.MemberState, true, true)]
    [TestCase(DelegationKind.ObserverState, false, false)]
    [TestCase(DelegationKind.IntergovernmentalOrganisation, false, true)]
    [TestCase(DelegationKind.Stakeholder, false, true)]
    public void Only_member_states_count_toward_consensus_and_observer_states_do_not_take_part(DelegationKind kind, bool counts, bool takesPart)
    {
        var delegation = new Delegation(default, "Somewhere", kind);

        Assert.That(delegation.CountsTowardConsensus, Is.EqualTo(counts));
        Assert.That(delegation.MayTakePart, Is.EqualTo(takesPart));
    }

    [Test]
    public void Delegation_names_are_unique_regardless_of_case()
    {
        var table = new SeedTable();

        var outcome = table.Workflow.AddDelegation(table.State, table.Chair.Id, "greece", DelegationKind.MemberState);

        Assert.That(outcome.Refusal, Is.EqualTo(Refusal.Conflict("there is already a delegation named greece")));
    }

    [TestCase("", "a delegation needs a name")]
    [TestCase(" Chile", "a delegation's name has no leading or trailing spaces and no control characters")]
    [TestCase("Chi\nle", "a delegation's name has no leading or trailing spaces and no control characters")]
    public void A_bad_delegation_name_is_refused(string name, string problem)
    {
        var table = new SeedTable();

        Assert.That(table.Workflow.AddDelegation(table.State, table.Chair.Id, name, DelegationKind.MemberState).Refusal,
            Is.EqualTo(Refusal.Invalid(problem)));
    }

    [Test]
    public void An_unknown_kind_of_delegation_is_refused()
    {
        var table = new SeedTable();

        Assert.That(table.Workflow.AddDelegation(table.State, table.Chair.Id, "Chile", (DelegationKind)12).Refusal,
            Is.EqualTo(Refusal.Invalid("unknown kind of delegation")));
    }

    [Test]
    public void A_delegate_cannot_add_delegations()
    {
        var table = new SeedTable();

        Assert.That(table.Workflow.AddDelegation(table.State, table.DelegateOf("UK").Id, "Chile", DelegationKind.MemberState).Refusal,
            Is.EqualTo(Refusal.Forbidden("a member-state delegate may not manage participants")));
    }
}
