using NegotiationEditor.Negotiation.Scenarios;
using NegotiationEditor.Client.Invites;

namespace NegotiationEditor.Cli.Replay;

/// <summary>
/// The participants' invites as the server writes them to <c>DATA/invites.csv</c> (<c>role,delegation,url</c>):
/// the chair and the secretariat by role, delegates by their delegation's name.
/// </summary>
public sealed class ReplayInvites
{
    private readonly Dictionary<string, Invite> _byDelegation;
    private readonly Dictionary<string, Invite> _byRole;

    private ReplayInvites(Dictionary<string, Invite> byDelegation, Dictionary<string, Invite> byRole)
    {
        _byDelegation = byDelegation;
        _byRole = byRole;
    }

    /// <summary>Reads the file; every link is pointed at <paramref name="server"/> (the address the replay uses).</summary>
    /// <exception cref="ScenarioException">The file is missing or is not an invites file.</exception>
    public static ReplayInvites Read(string path, Uri server)
    {
        ArgumentNullException.ThrowIfNull(server);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException($"cannot read the invites {path}: {e.Message}");
        }
        if (lines.Length == 0 || lines[0] != "role,delegation,url")
        {
            throw new ScenarioException($"{path} is not an invites file: it does not start with 'role,delegation,url'");
        }

        var byDelegation = new Dictionary<string, Invite>(StringComparer.Ordinal);
        var byRole = new Dictionary<string, Invite>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var fields = Fields(line);
            if (fields.Count != 3 || !Invite.TryParse(fields[2], out var invite))
            {
                throw new ScenarioException($"{path}: '{line}' is not 'role,delegation,invite link'");
            }
            var pointed = new Invite(server, invite.Token);
            if (fields[1].Length > 0)
            {
                byDelegation[fields[1]] = pointed;
            }
            else
            {
                byRole.TryAdd(fields[0], pointed);
            }
        }
        return new ReplayInvites(byDelegation, byRole);
    }

    /// <summary>The invite of a scenario participant.</summary>
    /// <exception cref="ScenarioException">The file has none for them.</exception>
    public Invite For(ScenarioParticipant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var found = participant.Delegation is { } delegation
            ? _byDelegation.GetValueOrDefault(delegation)
            : _byRole.GetValueOrDefault(participant.Role);
        return found ?? throw new ScenarioException(
            $"the invites have no link for {participant.Name} ({participant.Role}{(participant.Delegation is null ? "" : ", " + participant.Delegation)})");
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }
}
