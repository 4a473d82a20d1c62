using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Revisions;
using NegotiationEditor.Negotiation.Tests.Support;

namespace NegotiationEditor.Negotiation.Tests.Revisions;

public sealed class RevisionTests
{
    [Test]
    public void Revisions_are_numbered_per_document_and_carry_the_symbol_with_Rev_N()
    {
        var table = new SeedTable();
        var other = table.Apply(table.Workflow.TableDocument(table.State, table.Chair.Id, "Chapeau", "E/CN.16/2010/CRP.2")).Id;

        var first = table.Apply(table.Workflow.Circulate(table.State, table.Chair.Id, table.Document, "one", "one", []));
        var elsewhere = table.Apply(table.Workflow.Circulate(table.State, table.Secretariat.Id, other, "chapeau", "chapeau", []));
        var second = table.Apply(table.Workflow.Circulate(table.State, table.Secretariat.Id, table.Document, "two", "two", []));
        var third = table.Apply(table.Workflow.Circulate(table.State, table.Chair.Id, table.Document, "three", "three", []));

        Assert.Multiple(() =>
        {
            Assert.That(new[] { first, second, third }.Select(r => r.Label), Is.EqualTo(new[] { "Rev.1", "Rev.2", "Rev.3" }));
            Assert.That(new[] { first, second, third }.Select(r => r.Symbol), Is.EqualTo(new[]
            {
                "E/CN.16/2010/CRP.1/Rev.1", "E/CN.16/2010/CRP.1/Rev.2", "E/CN.16/2010/CRP.1/Rev.3",
            }));
            Assert.That(elsewhere.Symbol, Is.EqualTo("E/CN.16/2010/CRP.2/Rev.1"));
            Assert.That(second.CirculatedBy, Is.EqualTo(table.Secretariat.Id));
            Assert.That(table.TheDocument.Revisions.Select(r => r.Id).Distinct().Count(), Is.EqualTo(3));
        });
    }

    [Test]
    public void A_revision_freezes_the_text_the_compilation_the_amendment_states_the_snapshot_and_the_time()
    {
        var table = new SeedTable();
        var greece = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");
        var iran = table.ProposeReplacement("Iran", "Chair of CSTD", "Chair of the CSTD");
        table.Apply(table.Workflow.Withdraw(table.State, table.DelegateOf("Iran").Id, table.Document, iran.Id));
        table.Minutes(45);
        byte[] snapshot = [0x01, 0x02, 0xFE];

        var revision = table.Apply(table.Workflow.Circulate(table.State, table.Chair.Id, table.Document, table.Live.Text, "[compilation]", snapshot));
        snapshot[0] = 0x99;
        table.Apply(table.Workflow.Accept(table.State, table.Chair.Id, table.Document, greece.Id, table.Live.Text));

        var stored = table.TheDocument.Revisions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.SameAs(revision));
            Assert.That(stored.Text, Is.EqualTo(SeedTable.IranParagraph));
            Assert.That(stored.CompilationText, Is.EqualTo("[compilation]"));
            Assert.That(stored.CirculatedAt, Is.EqualTo(SeedTable.Morning.AddMinutes(45)));
            Assert.That(stored.CrdtSnapshot, Is.EqualTo(new byte[] { 0x01, 0x02, 0xFE }));
            Assert.That(stored.AmendmentStates, Is.EqualTo(new[]
            {
                new AmendmentState(greece.Id, AmendmentStatus.Proposed),
                new AmendmentState(iran.Id, AmendmentStatus.Withdrawn),
            }));
        });
    }

    [Test]
    public void A_revision_without_text_or_with_an_oversized_text_is_refused()
    {
        var table = new SeedTable();

        var missing = table.Workflow.Circulate(table.State, table.Chair.Id, table.Document, null!, "x", []);
        var oversized = table.Workflow.Circulate(table.State, table.Chair.Id, table.Document, new string('x', 5_000_001), "x", []);

        Assert.That(missing.Refusal, Is.EqualTo(Refusal.Invalid("a revision needs its text and its compilation text")));
        Assert.That(oversized.Refusal, Is.EqualTo(Refusal.Invalid("a revision's text has at most 5000000 characters")));
        Assert.That(table.TheDocument.Revisions, Is.Empty);
    }

    [Test]
    public void Circulating_on_an_unknown_document_is_refused_as_not_found()
    {
        var table = new SeedTable();

        var outcome = table.Workflow.Circulate(table.State, table.Chair.Id, new Documents.DocumentId(Guid.NewGuid()), "x", "x", []);

        Assert.That(outcome.Refusal, Is.EqualTo(Refusal.NotFound("there is no such document in this negotiation")));
    }
}
