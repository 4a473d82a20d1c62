using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Tests.Endpoints;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Authorization;

/// <summary>
/// The officers remove a participant and revoke invites over REST: the token is refused at once over REST, the hub
/// and /ws, and the connections it had open are closed (or their next frame refused) without changing the text.
/// </summary>
public sealed class ParticipantEndpointTests
{
    private NegotiationServerFactory _server = null!;
    private ApiSession _chair = null!;
    private ApiSession _secretariat = null!;

    [SetUp]
    public async Task Start()
    {
        _server = new NegotiationServerFactory().Started();
        _chair = ApiSession.As(_server, _server.Invites.Chair);
        _secretariat = ApiSession.As(_server, _server.Invites.Secretariat);
        // Member states type on screen, so that the newcomer's open connections could change the text if let through.
        await ApiSession.Expect(await _chair.PutAsync($"/api/documents/{_server.Document}/on-screen-drafting", new { mode = "memberStates" }), HttpStatusCode.OK);
    }

    [TearDown]
    public void Stop()
    {
        _chair.Dispose();
        _secretariat.Dispose();
        _server.Dispose();
    }

    [Test]
    public async Task An_invite_revoked_over_REST_is_refused_at_once_over_REST_the_hub_and_ws_and_its_open_connections_end()
    {
        var (newcomer, token) = Newcomers.SeatWithInvite(_server.Negotiation, "Chile");
        await using var open = await OpenChannelsAsync(token);

        var revoked = await ApiSession.Expect(await _secretariat.Client.DeleteAsync($"/api/participants/{newcomer}/invites"), HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(revoked["revoked"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(revoked["participant"]!["id"]!.GetValue<string>(), Is.EqualTo(newcomer.ToString()));
            Assert.That(revoked["participant"]!["removed"]!.GetValue<bool>(), Is.False);
        });
        await open.AssertRefusedEverywhereAsync("revoked");
    }

    [Test]
    public async Task A_participant_removed_over_REST_is_refused_at_once_over_REST_the_hub_and_ws_and_their_open_connections_end()
    {
        var (newcomer, token) = Newcomers.SeatWithInvite(_server.Negotiation, "Chile");
        await using var open = await OpenChannelsAsync(token);

        var removed = await ApiSession.Expect(await _chair.Client.DeleteAsync($"/api/participants/{newcomer}"), HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(removed["id"]!.GetValue<string>(), Is.EqualTo(newcomer.ToString()));
            Assert.That(removed["removed"]!.GetValue<bool>(), Is.True);
            Assert.That(removed["role"]!.GetValue<string>(), Is.EqualTo("memberStateDelegate"));
            Assert.That(removed["delegation"]!["name"]!.GetValue<string>(), Is.EqualTo("Chile"));
        });
        await open.AssertRefusedEverywhereAsync("removed");
        var listed = (await _secretariat.GetJsonAsync("/api/participants")).AsArray();
        Assert.That(listed.Single(p => p!["id"]!.GetValue<string>() == newcomer.ToString())!["removed"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Removing_or_revoking_what_cannot_be_is_refused_with_a_clear_problem_and_changes_nothing()
    {
        var (newcomer, _) = Newcomers.SeatWithInvite(_server.Negotiation, "Chile");
        var participants = (await _chair.GetJsonAsync("/api/participants")).AsArray();
        string IdOf(string role) => participants.First(p => p!["role"]!.GetValue<string>() == role)!["id"]!.GetValue<string>();
        await ApiSession.Expect(await _chair.Client.DeleteAsync($"/api/participants/{newcomer}/invites"), HttpStatusCode.OK);
        var before = _server.Negotiation.Current;

        var cases = new (ApiSession Caller, string Path, HttpStatusCode Status, string Detail)[]
        {
            (_chair, "/api/participants/not-a-participant", HttpStatusCode.BadRequest, "is not a participant id"),
            (_chair, $"/api/participants/{Guid.NewGuid()}", HttpStatusCode.NotFound, "no such participant"),
            (_chair, $"/api/participants/{Guid.NewGuid()}/invites", HttpStatusCode.NotFound, "no such participant"),
            (_chair, $"/api/participants/{IdOf("chair")}", HttpStatusCode.BadRequest, "cannot remove themselves"),
            (_secretariat, $"/api/participants/{IdOf("chair")}", HttpStatusCode.BadRequest, "the chair cannot be removed"),
            (_secretariat, $"/api/participants/{IdOf("chair")}/invites", HttpStatusCode.Forbidden, "only the chair manages"),
            (_chair, $"/api/participants/{newcomer}/invites", HttpStatusCode.Conflict, "holds no valid invite"),
        };

        foreach (var (caller, path, status, detail) in cases)
        {
            var problem = await ApiSession.Expect(await caller.Client.DeleteAsync(path), status);
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(detail), path);
        }

        Assert.That(_server.Negotiation.Current, Is.SameAs(before));
    }

    private async Task<OpenChannels> OpenChannelsAsync(string token)
    {
        var document = _server.Document.ToString();
        var rest = ApiSession.As(_server, token);
        await ApiSession.Expect(await rest.GetAsync("/api/me"), HttpStatusCode.OK);
        var hub = await HubPeer.JoinAsync(_server.Server, token, document);
        var ws = await WebsocketPeer.JoinAsync(_server.Server, token, document);
        return new OpenChannels(_server, token, rest, hub, ws);
    }

    /// <summary>A participant's three channels, opened before their access ended.</summary>
    private sealed class OpenChannels(NegotiationServerFactory server, string token, ApiSession rest, HubPeer hub, WebsocketPeer ws) : IAsyncDisposable
    {
        public async Task AssertRefusedEverywhereAsync(string why)
        {
            var document = server.Document.ToString();
            var text = await LiveTextAsync();
            var state = server.Negotiation.Current;

            var problem = await ApiSession.Expect(await rest.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(why));
            await ApiSession.Expect(
                await rest.PostAsync($"/api/documents/{document}/amendments", ApiSession.Replacement(text, "Working Group", "working group")),
                HttpStatusCode.Unauthorized);
            Assert.That(async () => await HubPeer.JoinAsync(HubPeer.Build(server.Server, token, messagePack: false), document),
                Throws.Exception, "the hub refuses a new connection");
            Assert.That(async () => await WebsocketPeer.ConnectAsync(server.Server, token, document), Throws.Exception, "/ws refuses the upgrade");

            // The open connections end: closed by the server, or (if a frame gets in first) that frame is refused.
            Assert.That(await Eventually.HoldsAsync(() => ws.CloseStatus is not null), Is.True, "the open /ws connection was closed");
            var hubClosed = await Eventually.HoldsAsync(() => hub.Closed.IsCompleted);
            if (!hubClosed)
            {
                try
                {
                    await hub.AppendAsync(" typed after the access ended");
                }
                catch (Exception)
                {
                    // The server ended the connection while the frame was on its way: refused as well.
                }
            }

            Assert.Multiple(async () =>
            {
                Assert.That(hubClosed, Is.True, "the open hub connection was closed");
                Assert.That(await LiveTextAsync(), Is.EqualTo(text));
                Assert.That(server.Negotiation.Current, Is.SameAs(state));
            });
        }

        public async ValueTask DisposeAsync()
        {
            rest.Dispose();
            await hub.DisposeAsync();
            await ApiSession.LeaveAsync(ws);
        }

        private Task<string> LiveTextAsync() =>
            server.Services.GetRequiredService<DocumentRooms>().ReadAsync(server.Document, doc => doc.GetText(LiveText.RootName).ToString());
    }
}
