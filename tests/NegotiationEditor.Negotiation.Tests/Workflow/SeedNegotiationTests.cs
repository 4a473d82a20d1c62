using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Positions;
using NegotiationEditor.Negotiation.Revisions;
using NegotiationEditor.Negotiation.Tests.Support;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Negotiation.Tests.Workflow;

/// <summary>The seed's "in accordance with" / "bearing in mind" exchange, end to end in the domain.</summary>
public sealed class SeedNegotiationTests
{
    private const string AdoptedParagraph =
        "Following stakeholders are invited by the Chair of CSTD to participate in the CSTD Working Group on IGF improvement, "
        + "bearing in mind the established rules of procedure of the ECOSOC and the CSTD.";

    [Test]
    public void Greece_proposes_Iran_supports_UK_objects_the_chair_accepts_circulates_and_adopts_and_then_everything_is_refused()
    {
        var table = new SeedTable();

        // Greece proposes replacing "in accordance with" by "bearing in mind".
        table.Minutes(5);
        var amendment = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        Assert.That(amendment.Status, Is.EqualTo(AmendmentStatus.Proposed));

        // Iran supports, the UK objects.
        table.Minutes(2);
        table.Apply(table.Workflow.TakePosition(table.State, table.DelegateOf("Iran").Id, table.Document, amendment.Id, table.Id("Iran"), PositionKind.Supports));
        table.Minutes(1);
        table.Apply(table.Workflow.TakePosition(table.State, table.DelegateOf("UK").Id, table.Document, amendment.Id, table.Id("UK"), PositionKind.Objects));

        var positions = table.TheDocument.Positions;
        Assert.That(AmendmentLedger.Render(amendment, positions, table.Delegations),
            Is.EqualTo("Proposed by Greece; supported by Iran; opposed by UK"));
        Assert.That(ConsensusReading.Of(amendment, positions, table.Delegations).IsConsensus, Is.False);

        // The chair circulates Rev.1 with the amendment in brackets.
        table.Minutes(10);
        var rev1 = table.Apply(table.Workflow.Circulate(table.State, table.Chair.Id, table.Document, table.Live.Text,
            "... IGF improvement, [in accordance with / bearing in mind]¹ the established rules ...\n¹ Proposed by Greece; supported by Iran; opposed by UK",
            [1, 2, 3]));
        Assert.Multiple(() =>
        {
            Assert.That(rev1.Label, Is.EqualTo("Rev.1"));
            Assert.That(rev1.Symbol, Is.EqualTo("E/CN.16/2010/CRP.1/Rev.1"));
            Assert.That(rev1.Text, Is.EqualTo(SeedTable.IranParagraph));
            Assert.That(rev1.AmendmentStates, Is.EqualTo(new[] { new AmendmentState(amendment.Id, AmendmentStatus.Proposed) }));
        });

        // The UK can live with it after all; consensus among the member states; the chair accepts.
        table.Minutes(20);
        table.Apply(table.Workflow.TakePosition(table.State, table.DelegateOf("UK").Id, table.Document, amendment.Id, table.Id("UK"), PositionKind.CanLiveWith));
        Assert.That(ConsensusReading.Of(amendment, table.TheDocument.Positions, table.Delegations).IsConsensus, Is.True);

        var acceptance = table.Apply(table.Workflow.Accept(table.State, table.Chair.Id, table.Document, amendment.Id, table.Live.Text));
        Assert.That(acceptance.Edits, Is.EqualTo(new[] { new TextEdit(117, 18, "bearing in mind") }));
        foreach (var edit in acceptance.Edits)
        {
            table.Live.Apply(edit);
        }

        Assert.That(table.Live.Text, Is.EqualTo(AdoptedParagraph));

        // Rev.2 shows the accepted text and the amendment as accepted; Rev.1 is as it was.
        table.Minutes(30);
        var rev2 = table.Apply(table.Workflow.Circulate(table.State, table.Secretariat.Id, table.Document, table.Live.Text, table.Live.Text, [4]));
        Assert.Multiple(() =>
        {
            Assert.That(rev2.Label, Is.EqualTo("Rev.2"));
            Assert.That(rev2.Symbol, Is.EqualTo("E/CN.16/2010/CRP.1/Rev.2"));
            Assert.That(rev2.AmendmentStates.Single().Status, Is.EqualTo(AmendmentStatus.Accepted));
            Assert.That(table.TheDocument.Revisions[0].AmendmentStates.Single().Status, Is.EqualTo(AmendmentStatus.Proposed));
            Assert.That(table.TheDocument.Revisions[0].CrdtSnapshot, Is.EqualTo(new byte[] { 1, 2, 3 }));
        });

        // The chair adopts: the text is sealed with its SHA-256 (computed independently with sha256sum).
        table.Minutes(60);
        var seal = table.Apply(table.Workflow.Adopt(table.State, table.Chair.Id, table.Document, table.Live.Text));
        Assert.Multiple(() =>
        {
            Assert.That(seal.TextSha256, Is.EqualTo("be5624fbc369ed2bde44386a5525bdb0f1fb5e7d1db2981156e136971121ac78"));
            Assert.That(seal.AdoptedAt, Is.EqualTo(SeedTable.Morning.AddMinutes(128)));
            Assert.That(seal.Seals(AdoptedParagraph), Is.True);
        });

        // Afterwards every edit, amendment or position is refused for everyone; reading remains.
        var adopted = table.State;
        var greece = table.DelegateOf("Greece");
        var refusals = new Refusal?[]
        {
            table.Workflow.Propose(adopted, greece.Id, table.Document, table.Replacement("Greece", "bearing in mind", "in conformity with"), table.Live.Text).Refusal,
            table.Workflow.TakePosition(adopted, table.DelegateOf("Iran").Id, table.Document, amendment.Id, table.Id("Iran"), PositionKind.Objects).Refusal,
            table.Workflow.Withdraw(adopted, greece.Id, table.Document, amendment.Id).Refusal,
            table.Workflow.Reject(adopted, table.Chair.Id, table.Document, amendment.Id).Refusal,
            table.Workflow.Accept(adopted, table.Chair.Id, table.Document, amendment.Id, table.Live.Text).Refusal,
            table.Workflow.Circulate(adopted, table.Chair.Id, table.Document, "x", "x", []).Refusal,
            table.Workflow.Adopt(adopted, table.Chair.Id, table.Document, "another text").Refusal,
            table.Workflow.SwitchOnScreenDrafting(adopted, table.Chair.Id, table.Document, OnScreenDrafting.MemberStates).Refusal,
        };
        Assert.That(refusals.Select(r => r?.Kind), Is.All.EqualTo(RefusalKind.Forbidden));
        Assert.That(refusals.Select(r => r!.Message), Is.All.Contains("adopted"));
        Assert.That(adopted.MayDo(table.Chair.Id, NegotiationAction.EditText, table.Document).IsAllowed, Is.False);
        Assert.That(adopted.MayDo(table.Secretariat.Id, NegotiationAction.EditText, table.Document).IsAllowed, Is.False);
        Assert.That(adopted.MayDo(table.Observer.Id, NegotiationAction.Read, table.Document).IsAllowed, Is.True);
        Assert.That(table.State, Is.SameAs(adopted));
    }

    [Test]
    public void Every_change_of_the_day_is_in_the_history_in_order_with_its_time_and_actor()
    {
        var table = new SeedTable();
        var before = table.State.History.Count;
        table.Minutes(5);
        var amendment = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        table.Minutes(1);
        table.Apply(table.Workflow.TakePosition(table.State, table.DelegateOf("UK").Id, table.Document, amendment.Id, table.Id("UK"), PositionKind.Objects));
        table.Minutes(1);
        table.Apply(table.Workflow.Accept(table.State, table.Chair.Id, table.Document, amendment.Id, table.Live.Text));

        var added = table.State.History.Skip(before).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(added.Select(e => e.Event), Is.EqualTo(new[] { HistoryEvent.AmendmentProposed, HistoryEvent.PositionTaken, HistoryEvent.AmendmentAccepted }));
            Assert.That(added.Select(e => e.Actor), Is.EqualTo(new[] { table.DelegateOf("Greece").Id, table.DelegateOf("UK").Id, table.Chair.Id }));
            Assert.That(added.Select(e => e.At), Is.EqualTo(new[] { SeedTable.Morning.AddMinutes(5), SeedTable.Morning.AddMinutes(6), SeedTable.Morning.AddMinutes(7) }));
            Assert.That(table.State.History.Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, table.State.History.Count).Select(i => (long)i)));
            Assert.That(added.All(e => e.Amendment == amendment.Id && e.Document == table.Document), Is.True);
            Assert.That(added.Select(e => e.Description), Is.EqualTo(new[]
            {
                "Greece proposed a replacement in op-1 of E/CN.16/2010/CRP.1",
                "UK objects to the amendment of Greece in op-1",
                "the chair accepted the amendment of Greece in op-1",
            }));
        });
    }

    [Test]
    public void A_refused_command_leaves_the_negotiation_exactly_as_it_was()
    {
        var table = new SeedTable();
        var amendment = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        var before = table.State;

        var refused = new[]
        {
            table.Workflow.Accept(before, table.DelegateOf("UK").Id, table.Document, amendment.Id, table.Live.Text).Refusal,
            table.Workflow.Withdraw(before, table.DelegateOf("UK").Id, table.Document, amendment.Id).Refusal,
            table.Workflow.TakePosition(before, table.DelegateOf("Greece").Id, table.Document, amendment.Id, table.Id("Greece"), PositionKind.Supports).Refusal,
            table.Workflow.Propose(before, table.DelegateOf("Iran").Id, table.Document, table.Replacement("Iran", "Chair of CSTD", "Chair"), "a different text").Refusal,
            table.Workflow.Adopt(before, table.Chair.Id, table.Document, table.Live.Text).Refusal,
        };

        Assert.That(refused, Has.None.Null);
        Assert.That(before.History, Has.Count.EqualTo(table.State.History.Count));
        Assert.That(before.FindDocument(table.Document)!.Amendments.Single(), Is.SameAs(amendment));
        Assert.That(before.FindDocument(table.Document)!.Positions, Is.Empty);
    }
}
