using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Positions;
using NegotiationEditor.Negotiation.Tests.Support;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Negotiation.Tests.Amendments;

/// <summary>A chair's proposal: an amendment the chair (the office, not a delegation) puts on the table; delegations
/// take positions on it like on any amendment; the chair takes none.</summary>
public sealed class ChairProposalTests
{
    [Test]
    public void The_chair_tables_a_proposal_and_the_ledger_names_the_chair_before_the_delegations_positions()
    {
        var table = new SeedTable();
        var proposal = table.Apply(table.Workflow.Propose(table.State, table.Chair.Id, table.Document, ChairReplacement(table, "Chair of CSTD", "Chair"), table.Live.Text));
        table.Apply(table.Workflow.TakePosition(table.State, table.DelegateOf("UK").Id, table.Document, proposal.Amendment.Id, table.Id("UK"), PositionKind.Supports));
        table.Apply(table.Workflow.TakePosition(table.State, table.DelegateOf("India").Id, table.Document, proposal.Amendment.Id, table.Id("India"), PositionKind.Objects));
        table.Apply(table.Workflow.TakePosition(table.State, table.DelegateOf("ICC").Id, table.Document, proposal.Amendment.Id, table.Id("ICC"), PositionKind.Supports));

        var amendment = table.TheDocument.FindAmendment(proposal.Amendment.Id)!;
        var reading = ConsensusReading.Of(amendment, table.TheDocument.Positions, table.Delegations);
        Assert.Multiple(() =>
        {
            Assert.That(amendment.Proposer, Is.EqualTo(ProposerKind.Chair));
            Assert.That(amendment.ProposedBy, Is.Null);
            Assert.That(amendment.TabledBy, Is.EqualTo(table.Chair.Id));
            Assert.That(AmendmentLedger.Render(amendment, table.TheDocument.Positions, table.Delegations),
                Is.EqualTo("Proposed by the Chair; supported by UK; opposed by India; stakeholders: supported by ICC"));
            Assert.That(reading.Supporting, Is.EqualTo(new[] { table.Id("UK") }), "the chair counts for no member state");
            Assert.That(reading.Objecting, Is.EqualTo(new[] { table.Id("India") }));
            Assert.That(reading.IsConsensus, Is.False);
            Assert.That(table.State.History.Single(h => h.Event == HistoryEvent.AmendmentProposed).Description,
                Is.EqualTo("the Chair proposed a replacement in op-1 of E/CN.16/2010/CRP.1"));
            Assert.That(table.State.History[^1].Description, Is.EqualTo("ICC supports the chair's proposal in op-1"));
        });
    }

    [Test]
    public void The_secretariat_tables_a_chairs_proposal_on_the_chairs_behalf()
    {
        var table = new SeedTable();

        var proposal = table.Apply(table.Workflow.Propose(table.State, table.Secretariat.Id, table.Document, ChairReplacement(table, "Chair of CSTD", "Chair"), table.Live.Text));

        Assert.Multiple(() =>
        {
            Assert.That(proposal.Amendment.Proposer, Is.EqualTo(ProposerKind.Chair));
            Assert.That(proposal.Amendment.TabledBy, Is.EqualTo(table.Secretariat.Id));
            Assert.That(table.State.History[^1].Description,
                Is.EqualTo("the Chair proposed a replacement in op-1 of E/CN.16/2010/CRP.1 (tabled by UNCTAD secretariat on the chair's behalf)"));
            Assert.That(table.State.History[^1].Delegation, Is.Null);
        });
    }

    [Test]
    public void Nobody_but_the_chair_and_the_secretariat_tables_a_chairs_proposal_and_the_chair_proposes_for_no_delegation()
    {
        var table = new SeedTable();
        var before = table.State;
        var forTheChair = ChairReplacement(table, "Chair of CSTD", "Chair");

        var refusals = new[]
        {
            table.Workflow.Propose(table.State, table.DelegateOf("India").Id, table.Document, forTheChair, table.Live.Text).Refusal,
            table.Workflow.Propose(table.State, table.DelegateOf("ICC").Id, table.Document, forTheChair, table.Live.Text).Refusal,
            table.Workflow.Propose(table.State, table.Observer.Id, table.Document, forTheChair, table.Live.Text).Refusal,
            table.Workflow.Propose(table.State, table.Chair.Id, table.Document, table.Replacement("Greece", "Chair of CSTD", "Chair"), table.Live.Text).Refusal,
        };

        Assert.Multiple(() =>
        {
            Assert.That(refusals.Select(r => r?.Kind), Is.All.EqualTo(RefusalKind.Forbidden));
            Assert.That(refusals[0]!.Message, Is.EqualTo("a member-state delegate may not table or withdraw the chair's proposals"));
            Assert.That(refusals[3]!.Message, Does.Contain("only for their own delegation"));
            Assert.That(table.State, Is.SameAs(before));
        });
    }

    [Test]
    public void The_chair_takes_no_position_on_its_own_proposal_or_any_other()
    {
        var table = new SeedTable();
        var proposal = table.Apply(table.Workflow.Propose(table.State, table.Chair.Id, table.Document, ChairReplacement(table, "Chair of CSTD", "Chair"), table.Live.Text)).Amendment;
        var greece = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");

        var onItsOwn = table.Workflow.TakePosition(table.State, table.Chair.Id, table.Document, proposal.Id, table.Id("Greece"), PositionKind.Supports);
        var onGreece = table.Workflow.TakePosition(table.State, table.Chair.Id, table.Document, greece.Id, table.Id("Iran"), PositionKind.Supports);

        Assert.Multiple(() =>
        {
            Assert.That(onItsOwn.Refusal?.Kind, Is.EqualTo(RefusalKind.Forbidden));
            Assert.That(onGreece.Refusal?.Kind, Is.EqualTo(RefusalKind.Forbidden));
            Assert.That(table.TheDocument.Positions, Is.Empty);
        });
    }

    [Test]
    public void Delegations_join_a_chairs_proposal_as_co_sponsors_and_count_as_supporting()
    {
        var table = new SeedTable();
        var proposal = table.Apply(table.Workflow.Propose(table.State, table.Chair.Id, table.Document,
            ChairReplacement(table, "in accordance with the established rules of procedure of the ECOSOC and the CSTD", "as equal participants") with
            {
                CoSponsors = [table.Id("EU")],
            },
            table.Live.Text)).Amendment;
        var joined = table.Apply(table.Workflow.JoinAsCoSponsor(table.State, table.DelegateOf("UK").Id, table.Document, proposal.Id, table.Id("UK")));
        table.Apply(table.Workflow.TakePosition(table.State, table.DelegateOf("Russia").Id, table.Document, proposal.Id, table.Id("Russia"), PositionKind.Objects));

        var positions = table.TheDocument.Positions;
        Assert.Multiple(() =>
        {
            Assert.That(AmendmentLedger.Render(joined, positions, table.Delegations), Is.EqualTo("Proposed by the Chair, EU, UK; opposed by Russia"));
            Assert.That(ConsensusReading.Of(joined, positions, table.Delegations).Supporting, Is.EqualTo(new[] { table.Id("UK") }));
            Assert.That(table.State.History[^2].Description, Is.EqualTo("UK joined the chair's proposal in op-1 as co-sponsor"));
            Assert.That(table.Workflow.TakePosition(table.State, table.DelegateOf("UK").Id, table.Document, proposal.Id, table.Id("UK"), PositionKind.Objects).Refusal,
                Is.EqualTo(Refusal.Conflict("UK sponsors this amendment: its sponsorship is its position")));
        });
    }

    [Test]
    public void A_chairs_proposal_is_withdrawn_by_the_chair_or_the_secretariat_not_by_a_delegation()
    {
        var table = new SeedTable();
        var first = table.Apply(table.Workflow.Propose(table.State, table.Chair.Id, table.Document, ChairReplacement(table, "Chair of CSTD", "Chair"), table.Live.Text)).Amendment;
        var second = table.Apply(table.Workflow.Propose(table.State, table.Chair.Id, table.Document, ChairReplacement(table, "IGF improvement", "IGF"), table.Live.Text)).Amendment;

        var byIndia = table.Workflow.Withdraw(table.State, table.DelegateOf("India").Id, table.Document, first.Id);
        var byChair = table.Apply(table.Workflow.Withdraw(table.State, table.Chair.Id, table.Document, first.Id));
        var bySecretariat = table.Apply(table.Workflow.Withdraw(table.State, table.Secretariat.Id, table.Document, second.Id));

        Assert.Multiple(() =>
        {
            Assert.That(byIndia.Refusal?.Kind, Is.EqualTo(RefusalKind.Forbidden));
            Assert.That(byChair.Status, Is.EqualTo(AmendmentStatus.Withdrawn));
            Assert.That(bySecretariat.Status, Is.EqualTo(AmendmentStatus.Withdrawn));
            Assert.That(table.State.History[^1].Description, Is.EqualTo("the Chair withdrew the chair's proposal in op-1"));
        });
    }

    [Test]
    public void Accepting_a_chairs_proposal_rewrites_its_span_and_supersedes_a_delegations_amendment_on_the_same_words()
    {
        var table = new SeedTable();
        var india = table.ProposeReplacement("India", "Chair of CSTD", "Bureau");
        var proposal = table.Apply(table.Workflow.Propose(table.State, table.Chair.Id, table.Document, ChairReplacement(table, "Chair of CSTD", "Chair"), table.Live.Text)).Amendment;

        var accepted = table.Apply(table.Workflow.Accept(table.State, table.Chair.Id, table.Document, proposal.Id, table.Live.Text));

        Assert.Multiple(() =>
        {
            Assert.That(accepted.Edits.Single(), Is.EqualTo(new TextEdit(table.Live.Text.IndexOf("Chair of CSTD", StringComparison.Ordinal), "Chair of CSTD".Length, "Chair")));
            Assert.That(accepted.Superseded.Single().Id, Is.EqualTo(india.Id));
            Assert.That(table.State.History[^2].Description, Is.EqualTo("the chair accepted the chair's proposal in op-1"));
            Assert.That(table.State.History[^1].Description, Is.EqualTo("the amendment of India in op-1 was superseded"));
        });
    }

    private static AmendmentProposal ChairReplacement(SeedTable table, string original, string proposed) =>
        new(AmendmentKind.Replace, table.Live.AnchorOn(original), original, [proposed], null, [], "");
}
