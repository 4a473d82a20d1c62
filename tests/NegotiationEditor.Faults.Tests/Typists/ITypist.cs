namespace NegotiationEditor.Faults.Tests.Typists;

/// <summary>One client of the run: types markers into the live text through the faulty network and keeps a local copy.</summary>
public interface ITypist : IAsyncDisposable
{
    /// <summary>Who it is, also the stem of its markers (<c>hub-json-12</c>).</summary>
    string Name { get; }

    /// <summary>Whether it is connected now and has been synced by the server since it last connected.</summary>
    bool IsSynced { get; }

    /// <summary>Its copy of the live text.</summary>
    string Text { get; }

    /// <summary>The encoded state vector of its copy.</summary>
    byte[] StateVector();

    /// <summary>Every marker it typed and still holds (it must reach the server whatever the network did).</summary>
    IReadOnlyCollection<string> Typed { get; }

    /// <summary>
    /// Markers typed in copies it threw away (a closed tab) that the server had acknowledged before: they must be in
    /// the final text. Those it typed there without an acknowledgement may or may not be.
    /// </summary>
    IReadOnlyCollection<string> AcknowledgedInClosedTabs { get; }

    /// <summary>Every marker it ever typed, kept or thrown away.</summary>
    IReadOnlyCollection<string> EverTyped { get; }

    /// <summary>The auth frames it received (refusals).</summary>
    IReadOnlyList<string> Denials { get; }

    /// <summary>One keystroke (see <see cref="Keystrokes"/>).</summary>
    void Strike(Random random);
}
