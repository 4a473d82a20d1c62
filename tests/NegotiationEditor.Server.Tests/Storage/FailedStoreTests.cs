using Microsoft.Extensions.DependencyInjection;
using NegotiationEditor.Crdt;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Storage;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Storage;

/// <summary>A client's update that could not be stored: the room's document stays what the store holds.</summary>
public sealed class FailedStoreTests
{
    private FailingUpdateLog _log = null!;
    private NegotiationServerFactory _server = null!;

    [SetUp]
    public void Start()
    {
        _server = new NegotiationServerFactory(services: services => services.AddSingleton<IDocumentUpdateLog>(provider =>
        {
            _log = new FailingUpdateLog(provider.GetRequiredService<LiteDbStorage>());
            return _log;
        })).Started();
    }

    [TearDown]
    public void Stop() => _server.Dispose();

    [Test]
    public async Task An_update_that_could_not_be_stored_is_not_applied_to_the_rooms_document()
    {
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, _server.Document.ToString());
        _log.Failing = true;

        await chair.AppendAsync(" [never stored]");

        Assert.That(await Eventually.HoldsAsync(() => chair.Peer.Denials.Count == 1), Is.True);
        Assert.That(chair.Peer.Denials[0], Does.Contain("could not store"));
        var rooms = _server.Services.GetRequiredService<DocumentRooms>();
        var live = await rooms.ReadAsync(_server.Document, doc => doc.GetText(LiveText.RootName).ToString());
        var stored = new YDoc();
        Y.ApplyUpdate(stored, Y.MergeUpdates(_log.Read(_server.Document)));
        Assert.That(live, Does.Not.Contain("[never stored]"));
        Assert.That(live, Is.EqualTo(stored.GetText(LiveText.RootName).ToString()));
    }

    [Test]
    public async Task A_later_reader_never_sees_an_update_that_could_not_be_stored()
    {
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, _server.Document.ToString());
        _log.Failing = true;
        await chair.AppendAsync(" [never stored]");
        Assert.That(await Eventually.HoldsAsync(() => chair.Peer.Denials.Count == 1), Is.True);
        _log.Failing = false;

        await using var observer = await HubPeer.JoinAsync(_server.Server, _server.Invites.Observer, _server.Document.ToString());

        Assert.That(await Eventually.HoldsAsync(() => observer.Peer.Synced), Is.True);
        Assert.That(observer.Peer.Text, Does.Not.Contain("[never stored]"));
    }
}
