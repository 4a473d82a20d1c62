using System.Text;

namespace NegotiationEditor.Server.Seeding;

/// <summary>One line of <c>invites.csv</c>: a participant's role, delegation (empty for none) and personal link.</summary>
/// <param name="Role">The role, in words ("chair", "member-state delegate").</param>
/// <param name="Delegation">The delegation's name, or empty.</param>
/// <param name="Url">The invite link, carrying the token.</param>
public sealed record InviteLine(string Role, string Delegation, string Url);

/// <summary><c>invites.csv</c>: the header <c>role,delegation,url</c>, then one line per participant (RFC 4180 quoting).</summary>
public static class InvitesCsv
{
    /// <summary>The file name inside the data folder.</summary>
    public const string FileName = "invites.csv";

    /// <summary>The header line.</summary>
    public const string Header = "role,delegation,url";

    /// <summary>Writes the file (readable by its owner only where the system allows it).</summary>
    public static void Write(string path, IEnumerable<InviteLine> lines)
    {
        var text = new StringBuilder().Append(Header).Append('\n');
        foreach (var line in lines)
        {
            text.Append(Quote(line.Role)).Append(',').Append(Quote(line.Delegation)).Append(',').Append(Quote(line.Url)).Append('\n');
        }
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>Reads a file written by <see cref="Write"/>.</summary>
    /// <exception cref="FormatException">The file is not an invites file.</exception>
    public static IReadOnlyList<InviteLine> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new FormatException($"{path} does not start with the header '{Header}'.");
        }
        return [.. lines.Skip(1).Where(line => line.Length > 0).Select(Parse)];
    }

    private static InviteLine Parse(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
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
        return fields.Count == 3 ? new InviteLine(fields[0], fields[1], fields[2]) : throw new FormatException($"'{line}' does not have three fields.");
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
}
