using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NegotiationEditor.Crdt;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Storage;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Collaboration;

/// <summary>A document's life runs through ordered hooks; a hook registered by another part of the server takes part.</summary>
public sealed class RoomHookTests
{
    private RecordingHook _hook = null!;
    private NegotiationServerFactory _server = null!;

    [SetUp]
    public void Start()
    {
        _hook = new RecordingHook();
        _server = new NegotiationServerFactory(services: services => services.AddSingleton<RoomHook>(_hook)).Started();
    }

    [TearDown]
    public void Stop() => _server.Dispose();

    private string Document => _server.Document.ToString();

    [Test]
    public async Task An_added_hook_sees_load_authenticate_change_store_and_disconnect_in_that_order()
    {
        await using (var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, Document))
        {
            await chair.AppendAsync(" [typed]");
        }

        Assert.That(await Eventually.HoldsAsync(() => _hook.Stages.Contains("disconnect")), Is.True);
        Assert.That(_hook.Stages, Is.EqualTo(new[] { "load", "authenticate", "change", "store", "disconnect" }));
    }

    [Test]
    public async Task An_earlier_hooks_refusal_stops_the_later_ones()
    {
        await using var observer = await HubPeer.JoinAsync(_server.Server, _server.Invites.Observer, Document);

        await observer.AppendAsync(" [observer]");

        Assert.That(await Eventually.HoldsAsync(() => observer.Peer.Denials.Count == 1), Is.True);
        Assert.That(_hook.Stages, Does.Not.Contain("change"), "the access hook refused first");
    }

    [Test]
    public async Task A_hooks_refusal_reaches_the_client_as_an_auth_frame_and_nothing_is_stored()
    {
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, Document);
        var log = _server.Services.GetRequiredService<IDocumentUpdateLog>();
        var stored = log.Read(_server.Document).Count;

        await chair.AppendAsync(" [vetoed]");

        Assert.That(await Eventually.HoldsAsync(() => chair.Peer.Denials.Count == 1), Is.True);
        Assert.That(chair.Peer.Denials[0], Is.EqualTo("the recording hook vetoes this text"));
        Assert.That(log.Read(_server.Document), Has.Count.EqualTo(stored));
        Assert.That(_hook.Stages, Does.Not.Contain("store"));
    }

    [Test]
    public async Task A_change_made_by_the_server_is_stored_and_reaches_every_connection()
    {
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, Document);
        await using var observer = await WebsocketPeer.JoinAsync(_server.Server, _server.Invites.Observer, Document);

        var update = await _server.Services.GetRequiredService<DocumentRooms>()
            .ChangeAsync(_server.Document, doc => doc.GetText(LiveText.RootName).Insert(0, "[accepted] "));

        Assert.That(update, Is.Not.Empty);
        Assert.That(_hook.Stages, Does.Contain("store"));
        Assert.That(await Eventually.HoldsAsync(() => chair.Peer.Text.StartsWith("[accepted] ") && observer.Peer.Text.StartsWith("[accepted] ")), Is.True);
    }

    private sealed class RecordingHook : RoomHook
    {
        private readonly List<string> _stages = [];

        public IReadOnlyList<string> Stages
        {
            get
            {
                lock (_stages)
                {
                    return [.. _stages];
                }
            }
        }

        public override ValueTask OnLoadAsync(DocumentRoom room, YDoc document)
        {
            Record("load");
            return ValueTask.CompletedTask;
        }

        public override string? OnAuthenticate(DocumentRoom room, RoomConnection connection)
        {
            Record("authenticate");
            return null;
        }

        public override string? OnChange(DocumentRoom room, RoomConnection connection, byte[] update)
        {
            Record("change");
            return Encoding.UTF8.GetString(update).Contains("[vetoed]") ? "the recording hook vetoes this text" : null;
        }

        public override Task OnStoreAsync(DocumentRoom room, byte[] update)
        {
            Record("store");
            return Task.CompletedTask;
        }

        public override void OnDisconnect(DocumentRoom room, RoomConnection connection) => Record("disconnect");

        private void Record(string stage)
        {
            lock (_stages)
            {
                _stages.Add(stage);
            }
        }
    }
}
