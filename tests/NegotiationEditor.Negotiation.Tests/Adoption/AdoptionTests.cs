using NegotiationEditor.Negotiation.Adoption;
using NegotiationEditor.Negotiation.Tests.Support;

namespace NegotiationEditor.Negotiation.Tests.Adoption;

public sealed class AdoptionTests
{
    // SHA-256 test vectors from FIPS 180-2 ("abc") and of the empty string.
    [TestCase("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [TestCase("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void The_seal_is_the_lower_case_hex_SHA_256_of_the_text(string text, string sha256)
    {
        Assert.That(AdoptionSeal.HashOf(text), Is.EqualTo(sha256));
    }

    [Test]
    public void The_seal_of_a_text_with_non_ASCII_characters_hashes_its_UTF_8_bytes()
    {
        // printf '%s' '· 5 Business community' | sha256sum
        Assert.That(AdoptionSeal.HashOf("· 5 Business community"), Is.EqualTo("780f81b8882e7f1f6de0064ecb0ac0c8248dc0783c365f83a74a78e13a7affc7"));
    }

    [Test]
    public void The_seal_recognises_the_adopted_text_and_nothing_else()
    {
        var seal = AdoptionSeal.Seal("The report of this Working Group will be adopted by consensus.", SeedTable.Morning, default);

        Assert.That(seal.Seals("The report of this Working Group will be adopted by consensus."), Is.True);
        Assert.That(seal.Seals("The report of this Working Group will be adopted by consensus"), Is.False);
    }

    [Test]
    public void Adoption_is_refused_while_amendments_are_open()
    {
        var table = new SeedTable();
        table.ProposeReplacement("Greece", "in accordance with", "bearing in mind");

        var outcome = table.Workflow.Adopt(table.State, table.Chair.Id, table.Document, table.Live.Text);

        Assert.That(outcome.Refusal, Is.EqualTo(Refusal.Conflict("1 amendment(s) are still open: accept, reject or have them withdrawn before adopting")));
        Assert.That(table.TheDocument.IsAdopted, Is.False);
    }

    [Test]
    public void Adopting_an_empty_text_is_refused()
    {
        var table = new SeedTable();

        Assert.That(table.Workflow.Adopt(table.State, table.Chair.Id, table.Document, "  ").Refusal,
            Is.EqualTo(Refusal.Invalid("there is no text to adopt")));
    }

    [Test]
    public void Adoption_seals_the_text_with_the_time_and_the_chair_and_is_recorded()
    {
        var table = new SeedTable();
        table.Minutes(660);

        var seal = table.Apply(table.Workflow.Adopt(table.State, table.Chair.Id, table.Document, "abc"));

        Assert.Multiple(() =>
        {
            Assert.That(seal.TextSha256, Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
            Assert.That(seal.AdoptedAt, Is.EqualTo(new DateTimeOffset(2010, 12, 17, 21, 5, 0, TimeSpan.FromHours(1))));
            Assert.That(seal.AdoptedBy, Is.EqualTo(table.Chair.Id));
            Assert.That(table.TheDocument.Adoption, Is.SameAs(seal));
            Assert.That(table.State.History[^1].Description, Is.EqualTo(
                "E/CN.16/2010/CRP.1 was adopted (SHA-256 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad)"));
        });
    }

    [Test]
    public void Once_every_document_is_adopted_the_negotiation_is_concluded_and_no_participant_can_be_managed()
    {
        var table = new SeedTable();
        table.Apply(table.Workflow.Adopt(table.State, table.Chair.Id, table.Document, "abc"));

        var outcome = table.Workflow.AddDelegation(table.State, table.Chair.Id, "Chile", Negotiation.Delegations.DelegationKind.MemberState);

        Assert.That(table.State.IsConcluded, Is.True);
        Assert.That(outcome.Refusal, Is.EqualTo(Refusal.Forbidden("the text has been adopted: it can only be read")));
    }

    [Test]
    public void A_new_document_can_be_tabled_after_adoption_and_the_adopted_one_stays_sealed()
    {
        var table = new SeedTable();
        table.Apply(table.Workflow.Adopt(table.State, table.Chair.Id, table.Document, table.Live.Text));

        var next = table.Apply(table.Workflow.TableDocument(table.State, table.Secretariat.Id, "Modalities", "E/CN.16/2010/CRP.3"));
        var onAdopted = table.Workflow.Propose(table.State, table.DelegateOf("Greece").Id, table.Document,
            table.Replacement("Greece", "in accordance with", "bearing in mind"), table.Live.Text);

        Assert.That(table.State.IsConcluded, Is.False);
        Assert.That(table.State.FindDocument(next.Id)!.IsAdopted, Is.False);
        Assert.That(onAdopted.Refusal, Is.EqualTo(Refusal.Forbidden("the text has been adopted: it can only be read")));
    }
}
