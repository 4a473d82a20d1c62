using NegotiationEditor.Client.Invites;
using NegotiationEditor.Client.Live;

namespace NegotiationEditor.Faults.Tests.Typists;

/// <summary>
/// The .NET client library (<see cref="LiveDocument"/>) over the hub, JSON or MessagePack, with its own reconnection:
/// after a lost connection SignalR reconnects, the client joins again and both sides send sync step 1. It never
/// throws its copy away, so every marker it typed must reach the server.
/// </summary>
public sealed class HubTypist : ITypist
{
    private readonly LiveDocument _live;
    private readonly Lock _gate = new();
    private readonly List<string> _typed = [];
    private int _strokes;

    private HubTypist(string name, LiveDocument live)
    {
        Name = name;
        _live = live;
    }

    public string Name { get; }

    public bool IsSynced => _live.IsConnected;

    public string Text => _live.Text;

    public IReadOnlyCollection<string> Typed
    {
        get
        {
            lock (_gate)
            {
                return [.. _typed];
            }
        }
    }

    public IReadOnlyCollection<string> AcknowledgedInClosedTabs => [];

    public IReadOnlyCollection<string> EverTyped => Typed;

    public IReadOnlyList<string> Denials => _live.Denials;

    public static async Task<HubTypist> JoinAsync(string name, Invite invite, string documentId, bool messagePack, ulong clientId) =>
        new(name, await LiveDocument.ConnectAsync(invite, documentId, new LiveDocumentOptions { MessagePack = messagePack, ClientId = clientId }));

    public byte[] StateVector() => _live.EncodeStateVector();

    public void Strike(Random random)
    {
        string? marker = null;
        lock (_gate)
        {
            var candidate = $"{Keystrokes.Open}{Name}.{++_strokes}{Keystrokes.Close}";
            _live.Edit(text => marker = Keystrokes.Strike(text, random, candidate));
            if (marker is not null)
            {
                _typed.Add(marker);
            }
        }
    }

    public ValueTask DisposeAsync() => _live.DisposeAsync();
}
