using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NegotiationEditor.Negotiation;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Tests.Support;
using NegotiationEditor.Server.Workflow;

namespace NegotiationEditor.Server.Tests.Collaboration;

/// <summary>An adoption and a client's update that was allowed just before it: the sealed text is the live text.</summary>
public sealed class AdoptionRaceTests
{
    private AdoptingHook _hook = null!;
    private NegotiationServerFactory _server = null!;

    [SetUp]
    public void Start()
    {
        _hook = new AdoptingHook();
        _server = new NegotiationServerFactory(services: services => services.AddSingleton<RoomHook>(_hook)).Started();
        _hook.Workflow = _server.Services.GetRequiredService<LiveWorkflow>();
    }

    [TearDown]
    public void Stop() => _server.Dispose();

    [Test]
    public async Task An_update_allowed_just_before_an_adoption_is_part_of_the_sealed_text()
    {
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, _server.Document.ToString());

        // The hook runs after the access hook has allowed the update and starts the adoption right there, between the
        // decision and the application of the update.
        await chair.AppendAsync(" [typed while the chair adopts]");
        Assert.That(await Eventually.HoldsAsync(() => _hook.Adoption is not null), Is.True);
        var adoption = await _hook.Adoption!;

        Assert.That(adoption.Succeeded, Is.True, () => adoption.Refusal!.Message);
        var live = await _server.Services.GetRequiredService<DocumentRooms>()
            .ReadAsync(_server.Document, doc => doc.GetText(LiveText.RootName).ToString());
        Assert.That(adoption.Value.Text, Is.EqualTo(live));
        Assert.That(adoption.Value.Text, Does.Contain("[typed while the chair adopts]"));
    }

    private sealed class AdoptingHook : RoomHook
    {
        public LiveWorkflow Workflow { get; set; } = null!;

        public Task<Outcome<AdoptionView>>? Adoption { get; private set; }

        public override string? OnChange(DocumentRoom room, RoomConnection connection, byte[] update)
        {
            if (Adoption is null && Encoding.UTF8.GetString(update).Contains("[typed while the chair adopts]"))
            {
                var chair = Workflow.State.Participants.Single(p => p.Role == ParticipantRole.Chair).Id;
                Adoption = Workflow.AdoptAsync(chair, room.Id);
            }
            return null;
        }
    }
}
