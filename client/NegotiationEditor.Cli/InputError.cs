namespace NegotiationEditor.Cli;

/// <summary>A file given to the command cannot be used; the message is the one line shown to the user.</summary>
internal sealed class InputError(string message) : Exception(message);
