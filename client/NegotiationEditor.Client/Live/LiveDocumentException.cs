namespace NegotiationEditor.Client.Live;

/// <summary>A live document could not be opened: the hub refused to join or could not be reached.</summary>
public sealed class LiveDocumentException(string message, Exception? inner = null) : Exception(message, inner);
