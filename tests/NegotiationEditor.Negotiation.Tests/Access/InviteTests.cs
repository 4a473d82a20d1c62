using System.Security.Cryptography;
using System.Text;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Tests.Support;

namespace NegotiationEditor.Negotiation.Tests.Access;

public sealed class InviteTests
{
    [Test]
    public void An_invite_token_comes_from_the_injected_randomness_and_only_its_SHA_256_is_kept()
    {
        var table = new SeedTable();
        var india = table.DelegateOf("India");
        var drawn = table.Random.BytesDrawn;

        var token = table.Apply(table.Workflow.IssueInvite(table.State, table.Chair.Id, india.Id));

        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Value)));
        var invite = table.State.Invites.Single();
        Assert.Multiple(() =>
        {
            Assert.That(table.Random.BytesDrawn - drawn, Is.EqualTo(32));
            Assert.That(token.Value, Does.Match("^[A-Za-z0-9_-]{43}$"));
            Assert.That(invite.TokenSha256, Is.EqualTo(expectedHash));
            Assert.That(invite.Participant, Is.EqualTo(india.Id));
            Assert.That(invite.IssuedAt, Is.EqualTo(SeedTable.Morning));
            Assert.That(table.State.History.Select(e => e.Description), Has.None.Contains(token.Value));
            Assert.That(token.ToString(), Does.Not.Contain(token.Value));
        });
    }

    [Test]
    public void The_same_seed_gives_the_same_token_and_another_seed_another()
    {
        string TokenWith(int seed)
        {
            var table = new SeedTable(seed);
            return table.Apply(table.Workflow.IssueInvite(table.State, table.Chair.Id, table.DelegateOf("UK").Id)).Value;
        }

        var first = TokenWith(7);
        var second = TokenWith(7);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(TokenWith(8), Is.Not.EqualTo(first));
    }

    [Test]
    public void A_token_identifies_its_participant_and_a_wrong_or_empty_token_identifies_nobody()
    {
        var table = new SeedTable();
        var uk = table.Apply(table.Workflow.IssueInvite(table.State, table.Secretariat.Id, table.DelegateOf("UK").Id));
        var icc = table.Apply(table.Workflow.IssueInvite(table.State, table.Secretariat.Id, table.DelegateOf("ICC").Id));
        var tampered = new InviteToken((uk.Value[0] == 'A' ? "B" : "A") + uk.Value[1..]);

        Assert.Multiple(() =>
        {
            Assert.That(table.State.Authenticate(uk).Value, Is.EqualTo(table.DelegateOf("UK")));
            Assert.That(table.State.Authenticate(icc).Value, Is.EqualTo(table.DelegateOf("ICC")));
            Assert.That(table.State.Authenticate(tampered).Refusal, Is.EqualTo(Refusal.Forbidden("this invite is not valid for this negotiation")));
            Assert.That(table.State.Authenticate(new InviteToken("")).Refusal, Is.EqualTo(Refusal.Forbidden("an invite token is needed")));
            Assert.That(table.State.Authenticate(default).Refusal, Is.EqualTo(Refusal.Forbidden("an invite token is needed")));
        });
    }

    [Test]
    public void Revoking_invalidates_every_invite_of_the_participant_and_a_new_one_can_be_issued()
    {
        var table = new SeedTable();
        var uk = table.DelegateOf("UK").Id;
        var first = table.Apply(table.Workflow.IssueInvite(table.State, table.Chair.Id, uk));
        var second = table.Apply(table.Workflow.IssueInvite(table.State, table.Chair.Id, uk));
        table.Minutes(5);

        var revoked = table.Apply(table.Workflow.RevokeInvites(table.State, table.Chair.Id, uk));
        var again = table.Workflow.RevokeInvites(table.State, table.Chair.Id, uk);
        var third = table.Apply(table.Workflow.IssueInvite(table.State, table.Chair.Id, uk));

        Assert.Multiple(() =>
        {
            Assert.That(revoked, Is.EqualTo(2));
            Assert.That(table.State.Invites.Take(2).Select(i => i.RevokedAt), Is.All.EqualTo(SeedTable.Morning.AddMinutes(5)));
            Assert.That(table.State.Authenticate(first).Refusal?.Message, Is.EqualTo("this invite has been revoked"));
            Assert.That(table.State.Authenticate(second).Refusal?.Message, Is.EqualTo("this invite has been revoked"));
            Assert.That(again.Refusal, Is.EqualTo(Refusal.Conflict("Delegate of UK holds no valid invite")));
            Assert.That(table.State.Authenticate(third).Value.Id, Is.EqualTo(uk));
        });
    }

    [Test]
    public void The_invite_of_a_removed_participant_identifies_nobody()
    {
        var table = new SeedTable();
        var uk = table.DelegateOf("UK").Id;
        var token = table.Apply(table.Workflow.IssueInvite(table.State, table.Chair.Id, uk));
        table.Apply(table.Workflow.RemoveParticipant(table.State, table.Chair.Id, uk));

        Assert.That(table.State.Authenticate(token).Refusal, Is.EqualTo(Refusal.Forbidden("the participant of this invite has been removed")));
        Assert.That(table.Workflow.IssueInvite(table.State, table.Chair.Id, uk).Refusal?.Kind, Is.EqualTo(RefusalKind.Conflict));
    }

    [Test]
    public void An_invite_whose_stored_hash_is_malformed_matches_nothing()
    {
        var token = new InviteToken("abc");
        var invite = new Invite(default, "not hex", SeedTable.Morning);
        var truncated = new Invite(default, Invite.Hash(token)[..62], SeedTable.Morning);

        Assert.That(invite.Matches(token), Is.False);
        Assert.That(truncated.Matches(token), Is.False);
        Assert.That(new Invite(default, Invite.Hash(token), SeedTable.Morning).Matches(token), Is.True);
    }
}
