namespace NegotiationEditor.Server.Collaboration;

/// <summary>Limits and timings of the live documents (configuration section <c>Collaboration</c>).</summary>
public sealed class CollaborationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Collaboration";

    /// <summary>The largest y-websocket frame accepted, in bytes.</summary>
    public int MaxFrameBytes { get; set; } = 1024 * 1024;

    /// <summary>The largest stored size of one document (its compacted state plus the updates since), in bytes.</summary>
    public long MaxDocumentBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>After this many malformed or oversized frames a connection is closed.</summary>
    public int MaxFaults { get; set; } = 5;

    /// <summary>How long a document without connections stays loaded.</summary>
    public TimeSpan UnloadWhenIdleFor { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A loaded document is compacted once this many updates were stored since the last compaction.</summary>
    public int CompactAfterUpdates { get; set; } = 2000;

    /// <summary>How often loaded documents are checked for compaction and unloading.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether a socket's queued output is sent by the thread that flushed it (Kestrel's inline scheduling) rather than
    /// by one of Kestrel's I/O threads: one thread switch less per broadcast frame and receiver, at the price of fewer
    /// frames gathered into one send under a heavy load. On by default (cheaper per frame on an idle 2-core machine,
    /// docs/benchmarks.md, "Server fan-out").
    /// </summary>
    public bool SendOnFlushingThread { get; set; } = true;

    /// <summary>
    /// Whether the hub's WebSocket connections opened without a negotiation are served by the server's own transport,
    /// which writes each message to the socket on the thread that sends it, instead of SignalR's (a pipe and a
    /// thread-pool hop per message and receiver). On by default; negotiation, negotiated connections, Server-Sent Events
    /// and long polling are SignalR's either way.
    /// </summary>
    public bool DirectHubSockets { get; set; } = true;

    /// <summary>
    /// Whether a WebSocket's output (on <c>/ws</c> and the hub's own transport) is written straight to the connection's
    /// socket, skipping Kestrel's HTTP layer and output pipe, where that is safe: plain HTTP/1.1 on Kestrel's socket
    /// transport with <see cref="SendOnFlushingThread"/> on. TLS and HTTP/2 connections are served the usual way
    /// whatever this says. Turn it off when something between the socket and the requests (a connection middleware)
    /// must see the output.
    /// </summary>
    public bool DirectSocketWrites { get; set; } = true;

    /// <summary>Whether WebSockets may be written straight to their sockets (<see cref="DirectSocketWrites"/> and <see cref="SendOnFlushingThread"/>).</summary>
    internal bool WritesStraightToSockets => DirectSocketWrites && SendOnFlushingThread;

    /// <summary>How many frames may wait for a slow WebSocket receiver (on <c>/ws</c> or the hub) before it is disconnected.</summary>
    public int MaxQueuedFrames { get; set; } = 4096;
}
