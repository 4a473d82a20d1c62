using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Positions;
using NegotiationEditor.Negotiation.Tests.Support;
using NegotiationEditor.Negotiation.Timeline;

namespace NegotiationEditor.Negotiation.Tests.Timeline;

/// <summary>A document's day as moments with short sentences, oldest first.</summary>
public sealed class DocumentTimelineTests
{
    [Test]
    public void The_day_reads_as_short_sentences_in_the_order_it_happened()
    {
        var table = new SeedTable();
        table.Minutes(1);
        var greece = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        table.Minutes(1);
        table.Apply(table.Workflow.TakePosition(table.State, table.DelegateOf("UK").Id, table.Document, greece.Id, table.Id("UK"), PositionKind.Objects));
        table.Minutes(1);
        table.Apply(table.Workflow.TakePosition(table.State, table.DelegateOf("Iran").Id, table.Document, greece.Id, table.Id("Iran"), PositionKind.Supports));
        table.Minutes(1);
        table.Apply(table.Workflow.JoinAsCoSponsor(table.State, table.DelegateOf("India").Id, table.Document, greece.Id, table.Id("India")));
        table.Minutes(1);
        table.Apply(table.Workflow.Circulate(table.State, table.Chair.Id, table.Document, table.Live.Text, table.Live.Text, []));
        table.Minutes(1);
        var accepted = table.Apply(table.Workflow.Accept(table.State, table.Chair.Id, table.Document, greece.Id, table.Live.Text));
        foreach (var edit in accepted.Edits)
        {
            table.Live.Apply(edit);
        }

        table.Minutes(1);
        table.Apply(table.Workflow.Adopt(table.State, table.Chair.Id, table.Document, table.Live.Text));

        var moments = DocumentTimeline.Of(table.State, table.Document, []);

        Assert.That(moments.Select(m => (m.Kind, m.Summary)), Is.EqualTo(new[]
        {
            (MomentKind.Tabled, $"{SeedTable.Symbol} tabled: Composition of the Working Group"),
            (MomentKind.AmendmentProposed, "Greece proposes to replace 'in accordance with' by 'bearing in mind' (A1)"),
            (MomentKind.Position, "UK objects to A1"),
            (MomentKind.Position, "Iran supports A1"),
            (MomentKind.CoSponsorJoined, "India co-sponsors A1"),
            (MomentKind.RevisionCirculated, "Rev.1 circulated"),
            (MomentKind.AmendmentAccepted, "The chair accepts A1 (Greece)"),
            (MomentKind.Adopted, $"{SeedTable.Symbol} adopted"),
        }));
        Assert.That(moments.Select(m => m.At), Is.Ordered);
        Assert.That(moments[1].Amendment, Is.EqualTo(greece.Id));
        Assert.That(moments[2].Delegation, Is.EqualTo(table.Id("UK")));
    }

    [Test]
    public void Amendments_are_labelled_in_the_order_they_were_tabled_and_their_fates_named()
    {
        var table = new SeedTable();
        var greece = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        var uk = table.ProposeReplacement("UK", "in accordance with", "following");
        var india = table.ProposeReplacement("India", "rules of procedure", "rules");
        table.Minutes(1);
        table.Apply(table.Workflow.Withdraw(table.State, table.DelegateOf("India").Id, table.Document, india.Id));
        table.Minutes(1);
        table.Apply(table.Workflow.Accept(table.State, table.Chair.Id, table.Document, greece.Id, table.Live.Text));

        var summaries = DocumentTimeline.Of(table.State, table.Document, []).Select(m => m.Summary).ToList();

        Assert.That(summaries, Does.Contain("India withdraws A3"));
        Assert.That(summaries, Does.Contain("The chair accepts A1 (Greece)"));
        Assert.That(summaries, Does.Contain("A2 (UK) is superseded by A1"));
        Assert.That(DocumentTimeline.LabelOf(table.TheDocument, uk.Id), Is.EqualTo("A2"));
    }

    [Test]
    public void A_burst_of_typing_is_one_edit_moment_naming_who_typed_and_what_changed()
    {
        var table = new SeedTable();
        var start = SeedTable.Morning.AddMinutes(2);
        var burst = new EditBurst(start, start.AddSeconds(20), [table.Secretariat.Id, table.Chair.Id],
            TextChange.Between("in accordance with the rules", "in line with the rules"), "op-1");

        var edit = DocumentTimeline.Of(table.State, table.Document, [burst]).Single(m => m.Kind == MomentKind.Edit);

        Assert.Multiple(() =>
        {
            Assert.That(edit.At, Is.EqualTo(start.AddSeconds(20)), "the moment of a burst is when its last edit was stored");
            Assert.That(edit.Summary, Is.EqualTo("UNCTAD secretariat, CSTD Chair replaced 'accordance' by 'line' in op-1"));
            Assert.That(edit.Actors, Is.EqualTo(new[] { table.Secretariat.Id, table.Chair.Id }));
        });
    }

    [Test]
    public void The_tabling_moves_to_when_its_text_was_stored_so_that_the_text_then_is_the_tabled_one()
    {
        var table = new SeedTable();
        var stored = SeedTable.Morning.AddSeconds(1);

        var tabled = DocumentTimeline.Of(table.State, table.Document, [], textTabledAt: stored).Single(m => m.Kind == MomentKind.Tabled);
        var earlier = DocumentTimeline.Of(table.State, table.Document, [], textTabledAt: SeedTable.Morning.AddSeconds(-1)).Single(m => m.Kind == MomentKind.Tabled);

        Assert.That(tabled.At, Is.EqualTo(stored));
        Assert.That(earlier.At, Is.EqualTo(SeedTable.Morning), "a text stored before the tabling was recorded leaves the tabling where it is");
    }

    [Test]
    public void Long_words_are_cut_in_summaries_and_other_kinds_of_amendment_read_in_their_own_words()
    {
        var table = new SeedTable();
        var delete = table.Apply(table.Workflow.Propose(table.State, table.DelegateOf("UK").Id, table.Document,
            new AmendmentProposal(AmendmentKind.Delete, table.Live.AnchorOn("in accordance with the established rules of procedure of the ECOSOC and the CSTD"),
                "in accordance with the established rules of procedure of the ECOSOC and the CSTD", [], table.Id("UK"), [], ""), table.Live.Text)).Amendment;
        var insert = table.Apply(table.Workflow.Propose(table.State, table.DelegateOf("Iran").Id, table.Document,
            new AmendmentProposal(AmendmentKind.Insert, table.Live.Anchor(0, 0), "", ["All "], table.Id("Iran"), [], ""), table.Live.Text)).Amendment;

        Assert.That(DocumentTimeline.Proposal(table.State, delete),
            Is.EqualTo("UK proposes to delete 'in accordance with the established rules of procedure of the…'"));
        Assert.That(DocumentTimeline.Proposal(table.State, insert), Is.EqualTo("Iran proposes to insert 'All' in op-1"));
    }
}
