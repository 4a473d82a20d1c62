using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Server.Storage.Postgres;

namespace NegotiationEditor.Scaleout.Tests.Nodes;

/// <summary>Two nodes started together on an empty database: one negotiation is seeded, not two.</summary>
[NonParallelizable]
public sealed class SeedingTests
{
    [Test]
    public async Task Of_two_nodes_seeding_an_empty_database_at_once_only_the_first_negotiation_is_kept()
    {
        var database = SharedServices.NewDatabase();
        var starts = new[] { ServerProcess.StartAsync(ServerOptions.Node(SharedServices.Redis, database)), ServerProcess.StartAsync(ServerOptions.Node(SharedServices.Redis, database)) };
        try
        {
            await Task.WhenAll(starts);
        }
        catch (InvalidOperationException)
        {
        }

        var running = starts.Where(start => start.IsCompletedSuccessfully).Select(start => start.Result).ToList();
        try
        {
            var failed = starts.Where(start => start.IsFaulted).ToList();
            Assert.That(running.Count + failed.Count, Is.EqualTo(2));
            Assert.That(failed.Select(start => start.Exception!.InnerException!.Message), Has.All.Contains("another node created it first"));

            // A node that lost the race stops (its invites.csv, written before it knew, opens nothing); every node still
            // running that wrote invites seeded the stored negotiation, and there is one such node.
            var seeding = running.Where(node => File.Exists(Path.Combine(node.DataFolder, "invites.csv"))).ToList();
            Assert.That(seeding, Has.Count.EqualTo(1), "one running node seeded the negotiation");
            using var storage = new PostgresStorage(database);
            Assert.That(storage.Load()!.Authenticate(new InviteToken(seeding[0].Invites.Chair.Token)).Succeeded, Is.True,
                "the seeding node's invites open the stored negotiation");
        }
        finally
        {
            foreach (var node in running)
            {
                node.Dispose();
            }
        }
    }
}
