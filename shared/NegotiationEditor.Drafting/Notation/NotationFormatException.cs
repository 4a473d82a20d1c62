using NegotiationEditor.Drafting.Drafts;

namespace NegotiationEditor.Drafting.Notation;

/// <summary>
/// Bracket notation that cannot be read (a nested or unclosed bracket, an unknown attribution clause ...).
/// <see cref="DraftFormatException.Line"/> and <see cref="DraftFormatException.Column"/> are 1-based; they count
/// in the draft's source when <see cref="InDraftSource"/> is true, otherwise in the text itself.
/// </summary>
public sealed class NotationFormatException : DraftFormatException
{
    /// <summary>Creates the error for a fault at <paramref name="line"/>, <paramref name="column"/>.</summary>
    public NotationFormatException(int line, int column, string reason, NotationLocation? location = null, bool inDraftSource = false)
        : base(line, column, reason, Describe(line, column, reason, location, inDraftSource))
    {
        Location = location;
        InDraftSource = inDraftSource;
    }

    /// <summary>The title, paragraph or bullet item whose text is at fault; null when a bare text was read.</summary>
    public NotationLocation? Location { get; }

    /// <summary>True when line and column count in the whole draft's source rather than in the text.</summary>
    public bool InDraftSource { get; }

    internal NotationFormatException Within(NotationLocation location) => new(Line, Column, Reason, location);

    internal NotationFormatException InSource(SourcePosition textStart)
    {
        var position = textStart.Offset(Line, Column);
        return new NotationFormatException(position.Line, position.Column, Reason, Location, inDraftSource: true);
    }

    private static string Describe(int line, int column, string reason, NotationLocation? location, bool inDraftSource) =>
        location is null ? $"line {line}, column {column}: {reason}"
        : inDraftSource ? $"line {line}, column {column} ({location}): {reason}"
        : $"{location}, line {line}, column {column} of its text: {reason}";
}
