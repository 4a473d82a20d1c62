using System.Collections.Immutable;
using NegotiationEditor.Crdt;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Workflow;
using NegotiationEditor.Server.Storage.Postgres;
using Npgsql;

namespace NegotiationEditor.Scaleout.Tests.Storage;

/// <summary>
/// A text stored in PostgreSQL with the negotiation state it brings about (an accepted amendment, a tabled document):
/// the update's row and the negotiation's row are committed in one transaction, under the lock that keeps two nodes'
/// commands from overwriting each other.
/// </summary>
public sealed class PostgresTextWithStateTests
{
    [Test]
    public void A_text_stored_by_a_change_is_committed_with_the_state_the_change_returns()
    {
        var database = SharedServices.NewDatabase();
        using var storage = new PostgresStorage(database);
        using var otherNode = new PostgresStorage(database);
        storage.Change(_ => Negotiation("before"));
        var document = new DocumentId(Guid.NewGuid());
        var update = Typed("The Working Group shall be composed of members.");

        var returned = storage.Change(stored =>
        {
            var next = stored! with { Title = "after" };
            storage.AppendAsync(document, update, next).GetAwaiter().GetResult();
            return next;
        });

        Assert.That(returned!.Title, Is.EqualTo("after"));
        Assert.That(otherNode.Load()!.Title, Is.EqualTo("after"));
        Assert.That(otherNode.Read(document), Is.EqualTo(new[] { update }));
    }

    [Test]
    public void A_state_that_cannot_be_saved_leaves_neither_the_text_nor_the_state_stored()
    {
        var database = SharedServices.NewDatabase();
        using var storage = new PostgresStorage(database);
        storage.Change(_ => Negotiation("before"));
        RefuseTitle(database, "refused");
        var document = new DocumentId(Guid.NewGuid());

        Assert.That(() => storage.Change(stored =>
        {
            var next = stored! with { Title = "refused" };
            storage.AppendAsync(document, Typed("a text"), next).GetAwaiter().GetResult();
            return next;
        }), Throws.InstanceOf<IOException>().With.Message.Contains("could not be stored in PostgreSQL").And.Message.Contains("the title is refused"));
        Assert.That(() => storage.AppendAsync(document, Typed("a text"), Negotiation("refused")).GetAwaiter().GetResult(),
            Throws.InstanceOf<IOException>(), "outside a change too");

        Assert.That(storage.Read(document), Is.Empty, "no update was stored");
        Assert.That(storage.Load()!.Title, Is.EqualTo("before"), "the state is the one before");
        var text = Typed("another text");
        storage.Change(stored =>
        {
            var next = stored! with { Title = "accepted" };
            storage.AppendAsync(document, text, next).GetAwaiter().GetResult();
            return next;
        });
        Assert.That(storage.Read(document), Is.EqualTo(new[] { text }), "the storage goes on after the failure");
    }

    [Test]
    public async Task Changes_on_two_nodes_storing_texts_with_their_states_never_overwrite_each_other()
    {
        const int changesPerNode = 15;
        var database = SharedServices.NewDatabase();
        using var first = new PostgresStorage(database);
        using var second = new PostgresStorage(database);
        first.Change(_ => Negotiation("0"));
        var document = new DocumentId(Guid.NewGuid());

        // Each change counts one more in the title; every other one stores a text with the state, the others only the state.
        var changing = new[] { first, second }.Select(storage => Task.Run(() =>
        {
            for (var i = 0; i < changesPerNode; i++)
            {
                var withText = i % 2 == 0;
                storage.Change(stored =>
                {
                    var next = stored! with { Title = (int.Parse(stored.Title) + 1).ToString() };
                    if (withText)
                    {
                        storage.AppendAsync(document, Typed(next.Title), next).GetAwaiter().GetResult();
                    }
                    return next;
                });
            }
        })).ToArray();
        await Task.WhenAll(changing);

        Assert.That(first.Load()!.Title, Is.EqualTo((2 * changesPerNode).ToString()), "no change was lost");
        Assert.That(second.Read(document), Has.Count.EqualTo(2 * ((changesPerNode + 1) / 2)), "every text was stored");
    }

    private static NegotiationState Negotiation(string title) =>
        new(new NegotiationId(Guid.NewGuid()), title, [], [], [], ImmutableList<NegotiatedDocument>.Empty, []);

    private static byte[] Typed(string text)
    {
        var document = new YDoc();
        document.GetText("t").Insert(0, text);
        return Y.EncodeStateAsUpdate(document);
    }

    // A failure PostgreSQL itself raises on the second statement: a trigger refusing to save a negotiation with that title.
    private static void RefuseTitle(string database, string title)
    {
        using var source = NpgsqlDataSource.Create(database);
        using var create = source.CreateCommand($"""
            CREATE FUNCTION refuse_title() RETURNS trigger AS $$
            BEGIN
                IF NEW.json LIKE '%"title":"{title}"%' THEN
                    RAISE EXCEPTION 'the title is refused';
                END IF;
                RETURN NEW;
            END $$ LANGUAGE plpgsql;
            CREATE TRIGGER refuse_title BEFORE INSERT OR UPDATE ON negotiation FOR EACH ROW EXECUTE FUNCTION refuse_title();
            """);
        create.ExecuteNonQuery();
    }
}
