using NegotiationEditor.Drafting.Notation;

namespace NegotiationEditor.Drafting.Tests.Notation;

public sealed class AttributionTests
{
    [Test]
    public void The_short_form_names_the_proposers()
    {
        var attribution = Attribution.Parse("Russian Federation, India");

        Assert.That(attribution.ProposedBy, Is.EqualTo(new[] { "Russian Federation", "India" }));
        Assert.That(attribution.FootnoteText, Is.EqualTo("Proposed by Russian Federation, India"));
    }

    [Test]
    public void The_long_form_reads_every_clause_in_any_case_and_order()
    {
        var attribution = Attribution.Parse("opposed by UK; Proposed by Greece; reservation by India; supported by Iran, Chair");

        Assert.That(attribution.ProposedBy, Is.EqualTo(new[] { "Greece" }));
        Assert.That(attribution.SupportedBy, Is.EqualTo(new[] { "Iran", "Chair" }));
        Assert.That(attribution.OpposedBy, Is.EqualTo(new[] { "UK" }));
        Assert.That(attribution.ReservationBy, Is.EqualTo(new[] { "India" }));
        Assert.That(attribution.FootnoteText, Is.EqualTo("Proposed by Greece; supported by Iran, Chair; opposed by UK; reservation by India"));
    }

    [Test]
    public void Bare_names_first_then_clauses_mean_proposed_by()
    {
        var attribution = Attribution.Parse("South Africa; opposed by Russian Federation, India");

        Assert.That(attribution.FootnoteText, Is.EqualTo("Proposed by South Africa; opposed by Russian Federation, India"));
    }

    [Test]
    public void Built_attributions_use_the_short_form_only_for_proposers_alone()
    {
        Assert.That(Attribution.Of(["Canada"]).Source, Is.EqualTo("Canada"));
        Assert.That(Attribution.Of(["Greece"], ["Iran"], ["UK"]).Source, Is.EqualTo("Proposed by Greece; supported by Iran; opposed by UK"));
        Assert.That(Attribution.Of([], opposedBy: ["EU"]).Source, Is.EqualTo("Opposed by EU"));
    }

    [Test]
    public void A_name_that_cannot_be_written_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Attribution.Of(["Greece; Iran"]));
        Assert.Throws<ArgumentException>(() => Attribution.Of([]));
    }
}
