namespace NegotiationEditor.Server.Collaboration;

/// <summary>A change the server was making to a document could not be stored (a full disk, a lost database); it was not made.</summary>
public sealed class DocumentNotStoredException : IOException
{
    /// <summary>Creates the exception.</summary>
    public DocumentNotStoredException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DocumentNotStoredException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the store's failure.</summary>
    public DocumentNotStoredException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
