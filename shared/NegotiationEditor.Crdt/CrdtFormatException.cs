namespace NegotiationEditor.Crdt;

/// <summary>
/// Thrown when bytes that should hold a lib0 value, a Yjs update, a state vector or a protocol
/// message are truncated, malformed or exceed a limit. Whatever was being decoded into is left
/// exactly as it was before the call.
/// </summary>
public sealed class CrdtFormatException : Exception
{
    /// <summary>Creates the exception with a message that says what was wrong with the input.</summary>
    public CrdtFormatException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that revealed the problem.</summary>
    public CrdtFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
