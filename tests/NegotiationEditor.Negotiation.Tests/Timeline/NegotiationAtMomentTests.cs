using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Positions;
using NegotiationEditor.Negotiation.Tests.Support;
using NegotiationEditor.Negotiation.Timeline;

namespace NegotiationEditor.Negotiation.Tests.Timeline;

/// <summary>The negotiation folded back to a past moment: what had happened by then, and nothing after.</summary>
public sealed class NegotiationAtMomentTests
{
    private static DateTimeOffset Minute(int minute) => SeedTable.Morning.AddMinutes(minute);

    private static void Take(SeedTable table, Amendment amendment, string delegation, PositionKind kind)
    {
        table.Minutes(1);
        table.Apply(table.Workflow.TakePosition(table.State, table.DelegateOf(delegation).Id, table.Document, amendment.Id, table.Id(delegation), kind));
    }

    [Test]
    public void An_amendment_rejected_later_is_still_proposed_at_an_earlier_moment_and_decided_after()
    {
        var table = new SeedTable();
        table.Minutes(1);
        var amendment = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        table.Minutes(10);
        table.Apply(table.Workflow.Reject(table.State, table.Chair.Id, table.Document, amendment.Id));

        var before = NegotiationAtMoment.At(table.State, Minute(5)).FindDocument(table.Document)!.FindAmendment(amendment.Id)!;
        var after = NegotiationAtMoment.At(table.State, Minute(11)).FindDocument(table.Document)!.FindAmendment(amendment.Id)!;

        Assert.Multiple(() =>
        {
            Assert.That(before.Status, Is.EqualTo(AmendmentStatus.Proposed));
            Assert.That(before.DecidedAt, Is.Null);
            Assert.That(after.Status, Is.EqualTo(AmendmentStatus.Rejected));
            Assert.That(after.DecidedAt, Is.EqualTo(Minute(11)));
        });
    }

    [Test]
    public void An_amendment_tabled_after_the_moment_is_not_on_the_table_yet()
    {
        var table = new SeedTable();
        table.Minutes(1);
        var first = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        table.Minutes(5);
        table.ProposeReplacement("UK", "rules of procedure", "rules");

        var then = NegotiationAtMoment.At(table.State, Minute(3)).FindDocument(table.Document)!;

        Assert.That(then.Amendments.Select(a => a.Id), Is.EqualTo(new[] { first.Id }));
    }

    [Test]
    public void The_ledger_at_a_moment_counts_only_the_positions_taken_by_then()
    {
        var table = new SeedTable();
        var amendment = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        Take(table, amendment, "Iran", PositionKind.Supports);
        Take(table, amendment, "UK", PositionKind.Objects);
        Take(table, amendment, "UK", PositionKind.CanLiveWith);

        string LedgerAt(int minute)
        {
            var then = NegotiationAtMoment.At(table.State, Minute(minute));
            var document = then.FindDocument(table.Document)!;
            return AmendmentLedger.Render(document.FindAmendment(amendment.Id)!, document.Positions, then.Delegations);
        }

        Assert.Multiple(() =>
        {
            Assert.That(LedgerAt(0), Is.EqualTo("Proposed by Greece"));
            Assert.That(LedgerAt(1), Is.EqualTo("Proposed by Greece; supported by Iran"));
            Assert.That(LedgerAt(2), Is.EqualTo("Proposed by Greece; supported by Iran; opposed by UK"));
            Assert.That(LedgerAt(3), Is.EqualTo("Proposed by Greece; supported by Iran; acceptable to UK"));
        });
    }

    [Test]
    public void A_delegation_that_joined_as_co_sponsor_later_is_not_a_sponsor_before_it_joined()
    {
        var table = new SeedTable();
        var amendment = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind", "India");
        table.Minutes(4);
        table.Apply(table.Workflow.JoinAsCoSponsor(table.State, table.DelegateOf("Iran").Id, table.Document, amendment.Id, table.Id("Iran")));

        var before = NegotiationAtMoment.At(table.State, Minute(2)).FindDocument(table.Document)!.FindAmendment(amendment.Id)!;
        var after = NegotiationAtMoment.At(table.State, Minute(4)).FindDocument(table.Document)!.FindAmendment(amendment.Id)!;

        Assert.That(before.CoSponsors, Is.EqualTo(new[] { table.Id("India") }));
        Assert.That(after.CoSponsors, Is.EqualTo(new[] { table.Id("India"), table.Id("Iran") }));
    }

    [Test]
    public void Revisions_and_the_adoption_count_from_the_moment_they_happened()
    {
        var table = new SeedTable();
        table.Minutes(10);
        table.Apply(table.Workflow.Circulate(table.State, table.Chair.Id, table.Document, table.Live.Text, table.Live.Text, [1]));
        table.Minutes(10);
        table.Apply(table.Workflow.Circulate(table.State, table.Chair.Id, table.Document, table.Live.Text, table.Live.Text, [2]));
        table.Minutes(10);
        table.Apply(table.Workflow.Adopt(table.State, table.Chair.Id, table.Document, table.Live.Text));

        NegotiatedDocumentAt(5, out var atFive);
        NegotiatedDocumentAt(15, out var atFifteen);
        NegotiatedDocumentAt(30, out var atThirty);

        Assert.Multiple(() =>
        {
            Assert.That(atFive.Revisions, Is.Empty);
            Assert.That(atFifteen.Revisions.Select(r => r.Label), Is.EqualTo(new[] { "Rev.1" }));
            Assert.That(atFifteen.IsAdopted, Is.False);
            Assert.That(atThirty.Revisions.Select(r => r.Label), Is.EqualTo(new[] { "Rev.1", "Rev.2" }));
            Assert.That(atThirty.IsAdopted, Is.True);
        });

        void NegotiatedDocumentAt(int minute, out Documents.NegotiatedDocument document) =>
            document = NegotiationAtMoment.At(table.State, Minute(minute)).FindDocument(table.Document)!;
    }

    [Test]
    public void On_screen_drafting_is_the_mode_switched_to_by_then()
    {
        var table = new SeedTable();
        table.Minutes(10);
        table.Apply(table.Workflow.SwitchOnScreenDrafting(table.State, table.Chair.Id, table.Document, OnScreenDrafting.MemberStates));
        table.Minutes(10);
        table.Apply(table.Workflow.SwitchOnScreenDrafting(table.State, table.Chair.Id, table.Document, OnScreenDrafting.Closed));

        OnScreenDrafting ModeAt(int minute) => NegotiationAtMoment.At(table.State, Minute(minute)).FindDocument(table.Document)!.OnScreenDrafting;

        Assert.That(new[] { ModeAt(5), ModeAt(15), ModeAt(25) },
            Is.EqualTo(new[] { OnScreenDrafting.ChairAndSecretariat, OnScreenDrafting.MemberStates, OnScreenDrafting.Closed }));
    }

    [Test]
    public void A_document_tabled_after_the_moment_is_not_on_the_table_and_the_history_stops_at_the_moment()
    {
        var table = new SeedTable();
        table.Minutes(30);
        var later = table.Apply(table.Workflow.TableDocument(table.State, table.Secretariat.Id, "Second text", "E/CN.16/2010/CRP.2"));

        var then = NegotiationAtMoment.At(table.State, Minute(10));

        Assert.Multiple(() =>
        {
            Assert.That(then.FindDocument(table.Document), Is.Not.Null);
            Assert.That(then.FindDocument(later.Id), Is.Null);
            Assert.That(then.History.Select(e => e.At), Is.All.LessThanOrEqualTo(Minute(10)));
            Assert.That(then.History, Has.Count.EqualTo(table.State.History.Count - 1));
        });
    }
}
