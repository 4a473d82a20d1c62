namespace NegotiationEditor.Crdt.Encoding;

/// <summary>
/// The JavaScript value <c>undefined</c>, as carried by the lib0 <c>any</c> encoding (tag 127).
/// It is distinct from <see langword="null"/> (tag 126).
/// </summary>
public sealed class Undefined
{
    /// <summary>The one instance.</summary>
    public static readonly Undefined Value = new();

    private Undefined()
    {
    }

    /// <summary>Returns <c>undefined</c>.</summary>
    public override string ToString() => "undefined";
}
