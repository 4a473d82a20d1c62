using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Server.Access;
using NegotiationEditor.Server.Seeding;

namespace NegotiationEditor.Server.Tests.Support;

/// <summary>The invite tokens of the seeded participants, read from invites.csv.</summary>
public sealed class InviteBook(IReadOnlyList<InviteLine> lines)
{
    public IReadOnlyList<InviteLine> Lines { get; } = lines;

    public static InviteBook Read(string dataFolder) => new(InvitesCsv.Read(Path.Combine(dataFolder, InvitesCsv.FileName)));

    public string Chair => TokenOf("chair");

    public string Secretariat => TokenOf("secretariat");

    public string Observer => TokenOf("observer");

    public string Delegate(string delegation) => TokenOf("member-state delegate", delegation);

    public string Stakeholder(string delegation) => TokenOf("stakeholder", delegation);

    public string TokenOf(string role, string delegation = "")
    {
        var line = Lines.Single(l => l.Role == role && l.Delegation == delegation);
        return InviteLink.TryParse(line.Url, out _, out var token) ? token.Value : throw new FormatException($"{line.Url} is not an invite link");
    }

    public static InviteToken Token(string value) => new(value);
}
