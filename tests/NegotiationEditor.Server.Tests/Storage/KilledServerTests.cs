using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Storage;

/// <summary>The real server process, killed with SIGKILL while edits stream in, loses nothing it has broadcast.</summary>
[NonParallelizable]
public sealed partial class KilledServerTests
{
    [Test]
    public async Task Every_update_broadcast_before_a_SIGKILL_is_there_after_a_restart()
    {
        var data = Path.Combine(Path.GetTempPath(), "negotiation-killed-" + Guid.NewGuid().ToString("N"));
        string document;
        InviteBook invites;
        using (var seeded = new NegotiationServerFactory(dataFolder: data).Started())
        {
            document = seeded.Document.ToString();
            invites = seeded.Invites;
        }

        try
        {
            var receiver = new SyncingPeer();
            var acknowledged = -1;
            using (var server = await ServerProcess.StartAsync(data))
            {
                await using var writer = await HubPeer.JoinAsync(server.Hub(invites.Chair), document);
                await using var reader = await HubPeer.JoinAsync(server.Hub(invites.Secretariat), document, receiver);

                using var stop = new CancellationTokenSource();
                var typing = Task.Run(async () =>
                {
                    for (var i = 0; !stop.IsCancellationRequested; i++)
                    {
                        await writer.AppendAsync($"w{i};");
                        acknowledged = i;
                    }
                });
                Assert.That(await Eventually.HoldsAsync(() => receiver.UpdatesReceived >= 60), Is.True, "the reader received the stream");

                server.Kill();
                await stop.CancelAsync();
                Assert.That(async () => await typing, Throws.Exception, "the writer saw the server die mid-stream");
            }

            var broadcast = Written().Matches(receiver.Text).Select(m => m.Value).ToList();
            // The count above includes the sync step 2 frames of joining; the rest are streamed edits.
            Assert.That(broadcast, Has.Count.GreaterThanOrEqualTo(50));

            using var restarted = await ServerProcess.StartAsync(data);
            await using var check = await HubPeer.JoinAsync(restarted.Hub(invites.Observer), document);
            var stored = Written().Matches(check.Peer.Text).Select(m => m.Value).ToList();

            Assert.That(stored, Is.SupersetOf(broadcast), "every edit the reader had received survived");
            Assert.That(stored, Has.Count.GreaterThanOrEqualTo(acknowledged + 1), "every acknowledged edit survived");
            foreach (var (client, clock) in receiver.StateVector())
            {
                Assert.That(check.Peer.StateVector().GetValueOrDefault(client), Is.GreaterThanOrEqualTo(clock), $"client {client}");
            }
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [GeneratedRegex(@"w\d+;")]
    private static partial Regex Written();
}
