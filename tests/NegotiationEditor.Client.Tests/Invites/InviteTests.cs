using NegotiationEditor.Client.Invites;

namespace NegotiationEditor.Client.Tests.Invites;

/// <summary>Reading invite links.</summary>
[TestFixture]
public sealed class InviteTests
{
    [Test]
    public void An_invite_link_splits_into_the_server_and_the_token()
    {
        var invite = Invite.Parse("http://localhost:5080/#invite=q3Zl0kE5xv9dq3k3");

        Assert.Multiple(() =>
        {
            Assert.That(invite.Server, Is.EqualTo(new Uri("http://localhost:5080/")));
            Assert.That(invite.Token, Is.EqualTo("q3Zl0kE5xv9dq3k3"));
            Assert.That(invite.ToString(), Is.EqualTo("http://localhost:5080/#invite=q3Zl0kE5xv9dq3k3"));
        });
    }

    [Test]
    public void A_server_under_a_path_keeps_its_path()
    {
        var invite = Invite.Parse("https://example.org/negotiations/#invite=abc");

        Assert.That(new Uri(invite.Server, "api/me"), Is.EqualTo(new Uri("https://example.org/negotiations/api/me")));
    }

    [TestCase("")]
    [TestCase("http://localhost:5080/")]
    [TestCase("http://localhost:5080/#invite=")]
    [TestCase("ftp://localhost/#invite=abc")]
    [TestCase("localhost:5080/#invite=abc")]
    [TestCase("http://localhost:5080/#invite=a b")]
    public void Text_that_is_not_an_invite_link_is_refused(string link)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Invite.TryParse(link, out var invite), Is.False);
            Assert.That(invite, Is.Null);
            Assert.Throws<FormatException>(() => Invite.Parse(link));
        });
    }
}
