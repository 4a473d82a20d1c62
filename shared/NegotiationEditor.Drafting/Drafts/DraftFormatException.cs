namespace NegotiationEditor.Drafting.Drafts;

/// <summary>A draft's source text is not valid; names the line and column (both 1-based) of the fault.</summary>
public class DraftFormatException : FormatException
{
    /// <summary>Creates the error for a fault at <paramref name="line"/>, <paramref name="column"/>.</summary>
    public DraftFormatException(int line, int column, string reason)
        : base($"line {line}, column {column}: {reason}")
    {
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>Creates the error with a message of its own (for errors that also name where in the draft they are).</summary>
    protected DraftFormatException(int line, int column, string reason, string message)
        : base(message)
    {
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The 1-based line of the fault.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the fault.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }
}
