using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NegotiationEditor.Client.Invites;
using NegotiationEditor.Crdt;
using NegotiationEditor.Crdt.Protocol;

namespace NegotiationEditor.Client.Tests.Support;

/// <summary>
/// A hub at <c>/hubs/collab</c> on a real loopback port that speaks our hub's protocol (Join, Send, Receive) but answers
/// as a test scripts it: for what our server does only in rare races or changes of access (a join refused after a
/// reconnection, the auth frame that answers a frame sent before the join).
/// </summary>
public sealed class ScriptedHubServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedHubServer(WebApplication app, HubScript script)
    {
        _app = app;
        Script = script;
    }

    public HubScript Script { get; }

    /// <summary>An invite to this server (the token is not checked).</summary>
    public Invite Invite { get; private set; } = null!;

    public static async Task<ScriptedHubServer> StartAsync(HubScript script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(script);
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<ScriptedHub>("/hubs/collab");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ScriptedHubServer(app, script) { Invite = Invite.For(address, "scripted-token") };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The auth frame our hub answers a frame for a document not joined with (docs/protocol.md).</summary>
    public static byte[] NotJoinedFrame() => new WebsocketPermissionDeniedMessage("join the document before sending frames for it").ToArray();

    private sealed class ScriptedHub(HubScript script) : Hub
    {
        public async Task Join(string documentId)
        {
            var join = Interlocked.Increment(ref script.JoinsSoFar);
            if (join > script.JoinsAllowed)
            {
                throw new HubException(script.RefusalOfLaterJoins);
            }
            if (script.AnswerNotJoinedBeforeJoining)
            {
                await Clients.Caller.SendAsync("Receive", documentId, NotJoinedFrame());
            }
            Context.Items[documentId] = true;
            var doc = new YDoc(1);
            doc.GetText("text").Insert(0, script.Text);
            var awareness = new Awareness(doc.ClientId);
            var stepTwo = WebsocketProtocol.Answer(doc, awareness, WebsocketProtocol.SyncStep1(new YDoc(2)))!.ToArray();
            await Clients.Caller.SendAsync("Receive", documentId, WebsocketProtocol.SyncStep1(doc).ToArray());
            await Clients.Caller.SendAsync("Receive", documentId, stepTwo);
        }

        public async Task Send(string documentId, byte[] frame)
        {
            if (!Context.Items.ContainsKey(documentId))
            {
                Interlocked.Increment(ref script.FramesBeforeJoin);
                await Clients.Caller.SendAsync("Receive", documentId, NotJoinedFrame());
                return;
            }
            script.Frames.Enqueue(frame);
        }
    }
}

/// <summary>What the scripted hub does; the counters tell a test what it saw.</summary>
public sealed class HubScript
{
    /// <summary>The document's text, sent on every join.</summary>
    public string Text { get; init; } = "Draft resolution";

    /// <summary>Joins after this many are refused with <see cref="RefusalOfLaterJoins"/>.</summary>
    public int JoinsAllowed { get; init; } = int.MaxValue;

    public string RefusalOfLaterJoins { get; init; } = "this participant may no longer read the document";

    /// <summary>Each join first answers with the auth frame for a frame sent before the join (as a raced send gets).</summary>
    public bool AnswerNotJoinedBeforeJoining { get; init; }

    public int JoinsSoFar;

    public int FramesBeforeJoin;

    public ConcurrentQueue<byte[]> Frames { get; } = new();
}
