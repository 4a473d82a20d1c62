using NegotiationEditor.Server.Access;
using NegotiationEditor.Server.Seeding;

namespace NegotiationEditor.Testing;

/// <summary>One participant's line of invites.csv.</summary>
/// <param name="Role">The role in words ("chair", "member-state delegate").</param>
/// <param name="Delegation">The delegation's name, or empty.</param>
/// <param name="Url">The personal invite link.</param>
public sealed record SeededInvite(string Role, string Delegation, string Url)
{
    /// <summary>The token the link carries.</summary>
    public string Token => InviteLink.TryParse(Url, out _, out var token) ? token.Value : throw new FormatException($"{Url} is not an invite link");
}

/// <summary>The invites the server wrote to invites.csv when it seeded the sample negotiation.</summary>
public sealed class SeededInvites
{
    private SeededInvites(IReadOnlyList<SeededInvite> all) => All = all;

    /// <summary>Every line, in the file's order.</summary>
    public IReadOnlyList<SeededInvite> All { get; }

    /// <summary>The chair's invite.</summary>
    public SeededInvite Chair => Of("chair");

    /// <summary>The secretariat's invite.</summary>
    public SeededInvite Secretariat => Of("secretariat");

    /// <summary>The observer's invite.</summary>
    public SeededInvite Observer => Of("observer");

    /// <summary>The invite of a member state's delegate.</summary>
    public SeededInvite Delegate(string delegation) => Of("member-state delegate", delegation);

    /// <summary>The invite of a stakeholder's representative.</summary>
    public SeededInvite Stakeholder(string delegation) => Of("stakeholder", delegation);

    /// <summary>The first invite of that role (and delegation, when given).</summary>
    public SeededInvite Of(string role, string delegation = "") =>
        All.FirstOrDefault(invite => invite.Role == role && (delegation.Length == 0 || invite.Delegation == delegation))
            ?? throw new InvalidOperationException($"invites.csv has no invite for {role} {delegation}".TrimEnd());

    /// <summary>Reads invites.csv in a server's data folder.</summary>
    /// <exception cref="FormatException">The file is not an invites file.</exception>
    public static SeededInvites Read(string dataFolder) =>
        new([.. InvitesCsv.Read(Path.Combine(dataFolder, InvitesCsv.FileName)).Select(line => new SeededInvite(line.Role, line.Delegation, line.Url))]);
}
