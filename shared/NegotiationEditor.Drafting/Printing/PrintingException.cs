namespace NegotiationEditor.Drafting.Printing;

/// <summary>A printed version could not be made (for a PDF: no Chromium installed, or Chromium failed).</summary>
public sealed class PrintingException : Exception
{
    /// <summary>Creates the error with a message a user can act on.</summary>
    public PrintingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message a user can act on and its cause.</summary>
    public PrintingException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
