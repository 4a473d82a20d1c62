using System.Globalization;
using System.Text.RegularExpressions;

namespace NegotiationEditor.Drafting.Drafts;

/// <summary>Whether a draft is still under negotiation or agreed.</summary>
public enum DraftStatus
{
    /// <summary>Under negotiation (<c>status: draft</c>).</summary>
    Draft,

    /// <summary>Agreed (<c>status: agreed</c>).</summary>
    Agreed,
}

/// <summary>
/// The front matter of a draft: ordered <c>key: value</c> entries. <c>symbol</c>, <c>date</c> and
/// <c>status</c> have accessors; any other key is kept as written. Immutable.
/// </summary>
public sealed partial class DraftMetadata : IEquatable<DraftMetadata>
{
    /// <summary>The key of the document symbol, e.g. <c>E/CN.16/2011/CRP.1/Rev.1</c>.</summary>
    public const string SymbolKey = "symbol";

    /// <summary>The key of the date and time the version was issued, e.g. <c>2010-12-08T19:30</c>.</summary>
    public const string DateKey = "date";

    /// <summary>The key of the status, <c>draft</c> or <c>agreed</c>.</summary>
    public const string StatusKey = "status";

    private static readonly string[] DateFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"];

    /// <summary>No front matter.</summary>
    public static DraftMetadata Empty { get; } = new([]);

    /// <summary>Creates front matter from entries in order.</summary>
    /// <exception cref="ArgumentException">A key is malformed or repeated, a value spans lines, or the status is not draft/agreed.</exception>
    public DraftMetadata(IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in list)
        {
            if (CheckKey(key) is { } keyProblem)
            {
                throw new ArgumentException(keyProblem, nameof(entries));
            }

            if (!seen.Add(key))
            {
                throw new ArgumentException($"the key '{key}' appears twice", nameof(entries));
            }

            ArgumentNullException.ThrowIfNull(value);
            SourceRules.CheckSingleLine(value, $"the value of '{key}'", nameof(entries));
            if (key == StatusKey && CheckStatus(value) is { } statusProblem)
            {
                throw new ArgumentException(statusProblem, nameof(entries));
            }
        }

        Entries = Array.AsReadOnly(list);
    }

    /// <summary>The entries in the order they are written.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entries { get; }

    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    public string? this[string key]
    {
        get
        {
            foreach (var (k, v) in Entries)
            {
                if (k == key)
                {
                    return v;
                }
            }

            return null;
        }
    }

    /// <summary>The document symbol, e.g. <c>E/CN.16/2011/CRP.1/Rev.1</c>, or null.</summary>
    public string? Symbol => this[SymbolKey];

    /// <summary>The date as written, e.g. <c>2010-12-08T19:30</c>, or null.</summary>
    public string? Date => this[DateKey];

    /// <summary>The date read as <c>yyyy-MM-ddTHH:mm</c>, <c>yyyy-MM-ddTHH:mm:ss</c> or <c>yyyy-MM-dd</c>; null if absent or written otherwise.</summary>
    public DateTime? DateAndTime =>
        Date is { } text && DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : null;

    /// <summary>The status, or null when the front matter does not say.</summary>
    public DraftStatus? Status => this[StatusKey] switch
    {
        "draft" => DraftStatus.Draft,
        "agreed" => DraftStatus.Agreed,
        _ => null,
    };

    /// <summary>The same front matter with <paramref name="key"/> set (replaced in place, or added at the end).</summary>
    public DraftMetadata With(string key, string value)
    {
        var entries = Entries.ToList();
        var index = entries.FindIndex(e => e.Key == key);
        if (index >= 0)
        {
            entries[index] = new(key, value);
        }
        else
        {
            entries.Add(new(key, value));
        }

        return new DraftMetadata(entries);
    }

    /// <summary>The same front matter without <paramref name="key"/>.</summary>
    public DraftMetadata Without(string key) => new(Entries.Where(e => e.Key != key));

    internal static string? CheckKey(string? key) =>
        key is null || !KeyPattern().IsMatch(key)
            ? $"'{key}' is not a front matter key: use letters, digits, '-', '_' and '.', starting with a letter"
            : null;

    internal static string? CheckStatus(string value) =>
        value is "draft" or "agreed" ? null : $"the status '{value}' is neither 'draft' nor 'agreed'";

    /// <inheritdoc />
    public bool Equals(DraftMetadata? other) => other is not null && Entries.SequenceEqual(other.Entries);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DraftMetadata);

    /// <inheritdoc />
    public override int GetHashCode() => Entries.Count;

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_.\-]*\z")]
    private static partial Regex KeyPattern();
}
