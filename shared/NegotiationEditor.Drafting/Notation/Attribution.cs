using System.Text;
using System.Text.RegularExpressions;

namespace NegotiationEditor.Drafting.Notation;

/// <summary>
/// Who stands behind an alternative: <c>{Greece}</c> or <c>{Greece, Iran}</c> (proposed by), or clauses
/// separated by <c>;</c>: <c>{Proposed by Greece; supported by Iran; opposed by UK; reservation by Chile}</c>.
/// The first clause may also be bare names (proposers). Immutable; two attributions are equal when written alike.
/// </summary>
public sealed partial class Attribution : IEquatable<Attribution>
{
    private Attribution(string source, string[] proposedBy, string[] supportedBy, string[] opposedBy, string[] reservationBy)
    {
        Source = source;
        ProposedBy = Array.AsReadOnly(proposedBy);
        SupportedBy = Array.AsReadOnly(supportedBy);
        OpposedBy = Array.AsReadOnly(opposedBy);
        ReservationBy = Array.AsReadOnly(reservationBy);
    }

    /// <summary>The attribution as written between the braces.</summary>
    public string Source { get; }

    /// <summary>The delegations that proposed the alternative.</summary>
    public IReadOnlyList<string> ProposedBy { get; }

    /// <summary>The delegations that support it.</summary>
    public IReadOnlyList<string> SupportedBy { get; }

    /// <summary>The delegations that oppose it.</summary>
    public IReadOnlyList<string> OpposedBy { get; }

    /// <summary>The delegations that hold a reservation on it.</summary>
    public IReadOnlyList<string> ReservationBy { get; }

    /// <summary>The footnote a compilation text prints: "Proposed by Greece; supported by Iran; opposed by UK".</summary>
    public string FootnoteText
    {
        get
        {
            var clauses = Clauses().Select(c => $"{c.Verb} by {string.Join(", ", c.Names)}").ToArray();
            var text = string.Join("; ", clauses);
            return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
        }
    }

    /// <summary>
    /// An attribution written in canonical form: the short form <c>Greece, Iran</c> when there are only proposers,
    /// otherwise <c>Proposed by ...; supported by ...; opposed by ...; reservation by ...</c>.
    /// </summary>
    /// <exception cref="ArgumentException">No delegation is named, or a name is empty or contains , ; { } [ ] or a line break.</exception>
    public static Attribution Of(
        IEnumerable<string> proposedBy,
        IEnumerable<string>? supportedBy = null,
        IEnumerable<string>? opposedBy = null,
        IEnumerable<string>? reservationBy = null)
    {
        var proposers = Checked(proposedBy);
        var supporters = Checked(supportedBy ?? []);
        var opponents = Checked(opposedBy ?? []);
        var reservations = Checked(reservationBy ?? []);
        if (proposers.Length + supporters.Length + opponents.Length + reservations.Length == 0)
        {
            throw new ArgumentException("an attribution names at least one delegation", nameof(proposedBy));
        }

        var shortForm = supporters.Length + opponents.Length + reservations.Length == 0;
        var source = shortForm
            ? string.Join(", ", proposers)
            : new Attribution(string.Empty, proposers, supporters, opponents, reservations).FootnoteText;
        return new Attribution(source, proposers, supporters, opponents, reservations);
    }

    /// <summary>Reads an attribution from the text between its braces.</summary>
    /// <exception cref="NotationFormatException">An unknown clause or an empty name; line and column count in <paramref name="source"/>.</exception>
    public static Attribution Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lists = new Dictionary<string, List<string>>
        {
            ["proposed"] = [], ["supported"] = [], ["opposed"] = [], ["reservation"] = [],
        };
        if (SourceText.IsBlank(source))
        {
            throw Error(source, 0, "an empty attribution: name the delegations, e.g. {Greece} or {Proposed by Greece; supported by Iran}");
        }

        var offset = 0;
        var first = true;
        foreach (var clause in source.Split(';'))
        {
            var lead = clause.Length - clause.TrimStart().Length;
            var trimmed = clause.Trim();
            var clauseOffset = offset + lead;
            var match = ClausePattern().Match(trimmed);
            string verb;
            string names;
            int namesOffset;
            if (match.Success)
            {
                verb = match.Groups[1].Value.ToLowerInvariant();
                if (verb == "reservations")
                {
                    verb = "reservation";
                }

                if (!lists.ContainsKey(verb))
                {
                    throw Error(source, clauseOffset, $"unknown attribution clause '{match.Groups[1].Value} by': use Proposed by, supported by, opposed by or reservation by");
                }

                names = match.Groups[2].Success ? match.Groups[2].Value : string.Empty;
                namesOffset = clauseOffset + (match.Groups[2].Success ? match.Groups[2].Index : trimmed.Length);
            }
            else if (first)
            {
                verb = "proposed";
                names = trimmed;
                namesOffset = clauseOffset;
            }
            else
            {
                throw Error(source, clauseOffset, $"unknown attribution clause '{trimmed}': after the first, every clause is 'supported by', 'opposed by', 'reservation by' or 'proposed by' followed by names");
            }

            var nameOffset = namesOffset;
            foreach (var name in names.Split(','))
            {
                var value = name.Trim();
                var at = nameOffset + (name.Length - name.TrimStart().Length);
                if (value.Length == 0)
                {
                    throw Error(source, at, "an empty delegation name in an attribution");
                }

                if (ClausePattern().IsMatch(value))
                {
                    throw Error(source, at, $"'{value}' looks like a clause: separate clauses with ';'");
                }

                lists[verb].Add(value);
                nameOffset += name.Length + 1;
            }

            offset += clause.Length + 1;
            first = false;
        }

        return new Attribution(source, [.. lists["proposed"]], [.. lists["supported"]], [.. lists["opposed"]], [.. lists["reservation"]]);
    }

    private IEnumerable<(string Verb, IReadOnlyList<string> Names)> Clauses()
    {
        if (ProposedBy.Count > 0)
        {
            yield return ("proposed", ProposedBy);
        }

        if (SupportedBy.Count > 0)
        {
            yield return ("supported", SupportedBy);
        }

        if (OpposedBy.Count > 0)
        {
            yield return ("opposed", OpposedBy);
        }

        if (ReservationBy.Count > 0)
        {
            yield return ("reservation", ReservationBy);
        }
    }

    private static string[] Checked(IEnumerable<string> names)
    {
        var list = names.ToArray();
        foreach (var name in list)
        {
            if (string.IsNullOrWhiteSpace(name) || name != name.Trim() || name.IndexOfAny([',', ';', '{', '}', '[', ']', '\n', '\r', '\\']) >= 0 || ClausePattern().IsMatch(name))
            {
                throw new ArgumentException($"'{name}' cannot be written as a delegation name in an attribution", nameof(names));
            }
        }

        return list;
    }

    private static NotationFormatException Error(string source, int offset, string reason)
    {
        var (line, column) = SourceText.LineAndColumn(source, offset);
        return new NotationFormatException(line, column, reason);
    }

    /// <summary>The attribution as written, between braces.</summary>
    public override string ToString() => "{" + Source + "}";

    /// <inheritdoc />
    public bool Equals(Attribution? other) => other is not null && Source == other.Source;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Attribution);

    /// <inheritdoc />
    public override int GetHashCode() => Source.GetHashCode(StringComparison.Ordinal);

    [GeneratedRegex(@"^([A-Za-z]+)\s+by(?:\s+(.*))?\z", RegexOptions.Singleline)]
    private static partial Regex ClausePattern();
}
