namespace NegotiationEditor.Server.Collaboration;

/// <summary>Where a document's text lives in its CRDT.</summary>
public static class LiveText
{
    /// <summary>
    /// The name of the <c>Y.Text</c> root holding the document's text: the draft source (front matter, title and
    /// paragraphs in the draft format of <c>docs/notation.md</c>).
    /// </summary>
    public const string RootName = "text";
}
