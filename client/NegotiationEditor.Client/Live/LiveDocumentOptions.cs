using Microsoft.AspNetCore.Http.Connections.Client;

namespace NegotiationEditor.Client.Live;

/// <summary>How a <see cref="LiveDocument"/> connects. The defaults suit a real server.</summary>
public sealed record LiveDocumentOptions
{
    /// <summary>The name of the shared text in the document (the server's live text is <c>text</c>).</summary>
    public string TextName { get; init; } = "text";

    /// <summary>Use the MessagePack hub protocol (binary frames as they are); false for JSON (base64 frames).</summary>
    public bool MessagePack { get; init; } = true;

    /// <summary>The CRDT client id of the local document; a random one when null (tests pass a fixed one).</summary>
    public ulong? ClientId { get; init; }

    /// <summary>Reconnect after a lost connection (and sync again on the way back).</summary>
    public bool Reconnect { get; init; } = true;

    /// <summary>The presence (awareness state, JSON text) announced on connection; <c>{}</c> as y-protocols does.</summary>
    public string? Presence { get; init; } = "{}";

    /// <summary>The clock of awareness (renewal of the local state, expiry of others').</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Changes to the SignalR connection's options (a test server's handler, headers, transports).</summary>
    public Action<HttpConnectionOptions>? ConfigureConnection { get; init; }
}
