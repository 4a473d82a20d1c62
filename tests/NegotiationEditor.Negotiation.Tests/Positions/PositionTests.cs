using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Positions;
using NegotiationEditor.Negotiation.Tests.Support;

namespace NegotiationEditor.Negotiation.Tests.Positions;

public sealed class PositionTests
{
    private static Position Take(SeedTable table, Amendment amendment, string delegation, PositionKind kind, string note = "")
    {
        table.Minutes(1);
        return table.Apply(table.Workflow.TakePosition(table.State, table.DelegateOf(delegation).Id, table.Document, amendment.Id, table.Id(delegation), kind, note));
    }

    [Test]
    public void A_changed_position_keeps_the_earlier_ones_in_the_history_with_their_times()
    {
        var table = new SeedTable();
        var amendment = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        Take(table, amendment, "UK", PositionKind.Objects, "the rules of procedure must be followed");
        Take(table, amendment, "UK", PositionKind.Reserves);
        Take(table, amendment, "UK", PositionKind.CanLiveWith);

        var history = PositionHistory.Of(table.TheDocument.Positions, amendment.Id, table.Id("UK"));

        Assert.Multiple(() =>
        {
            Assert.That(history.Select(p => p.Kind), Is.EqualTo(new[] { PositionKind.Objects, PositionKind.Reserves, PositionKind.CanLiveWith }));
            Assert.That(history.Select(p => p.TakenAt), Is.EqualTo(new[] { 1, 2, 3 }.Select(m => SeedTable.Morning.AddMinutes(m))));
            Assert.That(history[0].Note, Is.EqualTo("the rules of procedure must be followed"));
            Assert.That(history.Select(p => p.TakenBy), Is.All.EqualTo(table.DelegateOf("UK").Id));
            Assert.That(PositionHistory.Current(table.TheDocument.Positions, amendment.Id).Single().Kind, Is.EqualTo(PositionKind.CanLiveWith));
        });
    }

    [Test]
    public void The_ledger_reads_as_UN_documents_print_it()
    {
        var table = new SeedTable();
        var amendment = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        Take(table, amendment, "Iran", PositionKind.Supports);
        Take(table, amendment, "UK", PositionKind.Objects);

        Assert.That(AmendmentLedger.Render(amendment, table.TheDocument.Positions, table.Delegations),
            Is.EqualTo("Proposed by Greece; supported by Iran; opposed by UK"));
    }

    [Test]
    public void The_ledger_names_co_sponsors_groups_positions_in_order_and_shows_stakeholders_apart_at_the_end()
    {
        var table = new SeedTable();
        var amendment = table.ProposeReplacement("Iran", "in accordance with", "bearing in mind", "India");
        Take(table, amendment, "ICC", PositionKind.Supports);
        Take(table, amendment, "Russia", PositionKind.Supports);
        Take(table, amendment, "UK", PositionKind.Objects);
        Take(table, amendment, "South Africa", PositionKind.Supports);
        Take(table, amendment, "APC", PositionKind.Objects);
        Take(table, amendment, "Philippines", PositionKind.Reserves);
        Take(table, amendment, "EU", PositionKind.CanLiveWith);
        Take(table, amendment, "Greece", PositionKind.CanLiveWith);

        Assert.That(AmendmentLedger.Render(amendment, table.TheDocument.Positions, table.Delegations), Is.EqualTo(
            "Proposed by Iran, India; supported by Russia, South Africa; opposed by UK; reservation by Philippines; acceptable to Greece"
            + "; stakeholders: supported by ICC; opposed by APC; acceptable to EU"));
    }

    [Test]
    public void The_ledger_shows_only_the_current_position_of_a_delegation_that_changed_its_mind()
    {
        var table = new SeedTable();
        var amendment = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        Take(table, amendment, "UK", PositionKind.Objects);
        Take(table, amendment, "Iran", PositionKind.Supports);
        Take(table, amendment, "UK", PositionKind.Supports);

        Assert.That(AmendmentLedger.Render(amendment, table.TheDocument.Positions, table.Delegations),
            Is.EqualTo("Proposed by Greece; supported by Iran, UK"));
    }

    [Test]
    public void The_consensus_reading_counts_member_states_only()
    {
        var table = new SeedTable();
        var amendment = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind", "ICC");
        Take(table, amendment, "APC", PositionKind.Objects);
        Take(table, amendment, "IGC", PositionKind.Objects);
        Take(table, amendment, "EU", PositionKind.Objects);
        Take(table, amendment, "Iran", PositionKind.Supports);
        Take(table, amendment, "India", PositionKind.Reserves);
        Take(table, amendment, "UK", PositionKind.CanLiveWith);

        var reading = ConsensusReading.Of(amendment, table.TheDocument.Positions, table.Delegations);

        Assert.Multiple(() =>
        {
            Assert.That(reading.IsConsensus, Is.True, "stakeholders' and organisations' objections do not block");
            Assert.That(reading.Supporting, Is.EqualTo(new[] { table.Id("Greece"), table.Id("Iran") }));
            Assert.That(reading.Objecting, Is.Empty);
            Assert.That(reading.Reserving, Is.EqualTo(new[] { table.Id("India") }));
            Assert.That(reading.CanLiveWith, Is.EqualTo(new[] { table.Id("UK") }));
            Assert.That(reading.Silent, Is.EquivalentTo(new[] { table.Id("Russia"), table.Id("South Africa"), table.Id("Philippines") }));
        });

        Take(table, amendment, "Russia", PositionKind.Objects);
        var blocked = ConsensusReading.Of(amendment, table.TheDocument.Positions, table.Delegations);
        Assert.That(blocked.IsConsensus, Is.False);
        Assert.That(blocked.Objecting, Is.EqualTo(new[] { table.Id("Russia") }));
    }

    [Test]
    public void Sponsors_take_no_position_on_their_own_amendment()
    {
        var table = new SeedTable();
        var amendment = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind", "Iran");

        var proposer = table.Workflow.TakePosition(table.State, table.DelegateOf("Greece").Id, table.Document, amendment.Id, table.Id("Greece"), PositionKind.Objects);
        var coSponsor = table.Workflow.TakePosition(table.State, table.DelegateOf("Iran").Id, table.Document, amendment.Id, table.Id("Iran"), PositionKind.Objects);

        Assert.That(proposer.Refusal, Is.EqualTo(Refusal.Conflict("Greece sponsors this amendment: its sponsorship is its position")));
        Assert.That(coSponsor.Refusal, Is.EqualTo(Refusal.Conflict("Iran sponsors this amendment: its sponsorship is its position")));
    }

    [Test]
    public void Positions_are_taken_only_on_proposed_amendments()
    {
        var table = new SeedTable();
        var amendment = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        table.Apply(table.Workflow.Reject(table.State, table.Chair.Id, table.Document, amendment.Id));

        var late = table.Workflow.TakePosition(table.State, table.DelegateOf("UK").Id, table.Document, amendment.Id, table.Id("UK"), PositionKind.Objects);

        Assert.That(late.Refusal, Is.EqualTo(Refusal.Conflict("the amendment is rejected: positions are taken only on proposed amendments")));
    }

    [Test]
    public void An_unknown_position_or_an_oversized_note_is_refused_and_changes_nothing()
    {
        var table = new SeedTable();
        var amendment = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        var before = table.State;
        var uk = table.DelegateOf("UK").Id;

        var unknown = table.Workflow.TakePosition(before, uk, table.Document, amendment.Id, table.Id("UK"), (PositionKind)7);
        var oversized = table.Workflow.TakePosition(before, uk, table.Document, amendment.Id, table.Id("UK"), PositionKind.Objects, new string('n', 2_001));
        var missing = table.Workflow.TakePosition(before, uk, table.Document, new AmendmentId(Guid.NewGuid()), table.Id("UK"), PositionKind.Objects);

        Assert.Multiple(() =>
        {
            Assert.That(unknown.Refusal, Is.EqualTo(Refusal.Invalid("unknown position")));
            Assert.That(oversized.Refusal, Is.EqualTo(Refusal.Invalid("a note has at most 2000 characters (empty when none)")));
            Assert.That(missing.Refusal, Is.EqualTo(Refusal.NotFound("there is no such amendment on this document")));
            Assert.That(before.FindDocument(table.Document)!.Positions, Is.Empty);
        });
    }
}
