using System.Text.Json;
using System.Text.Json.Serialization;
using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Positions;
using NegotiationEditor.Negotiation.Tests.Support;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Negotiation.Tests.Workflow;

public sealed class NegotiationStateTests
{
    [Test]
    public void A_negotiation_with_amendments_positions_revisions_invites_and_a_seal_round_trips_through_JSON()
    {
        var table = new SeedTable();
        var greece = table.ProposeReplacement("Greece", "in accordance with", "bearing in mind", "Iran");
        table.ProposeReplacement("India", "in accordance with the established rules", "in conformity with the rules");
        table.Apply(table.Workflow.TakePosition(table.State, table.DelegateOf("UK").Id, table.Document, greece.Id, table.Id("UK"), PositionKind.Objects, "rules first"));
        table.Apply(table.Workflow.IssueInvite(table.State, table.Chair.Id, table.DelegateOf("UK").Id));
        table.Apply(table.Workflow.Circulate(table.State, table.Chair.Id, table.Document, table.Live.Text, "[compiled]", [9, 8, 7]));
        table.Apply(table.Workflow.Accept(table.State, table.Chair.Id, table.Document, greece.Id, table.Live.Text));
        table.Apply(table.Workflow.Adopt(table.State, table.Chair.Id, table.Document, table.Live.Text));

        var options = new JsonSerializerOptions { Converters = { new ParagraphIdAsString() } };
        var json = JsonSerializer.Serialize(table.State, options);
        var loaded = JsonSerializer.Deserialize<NegotiationState>(json, options)!;

        Assert.Multiple(() =>
        {
            Assert.That(JsonSerializer.Serialize(loaded, options), Is.EqualTo(json));
            Assert.That(loaded.FindDocument(table.Document)!.FindAmendment(greece.Id)!.Anchor, Is.EqualTo(greece.Anchor));
            Assert.That(loaded.FindDocument(table.Document)!.Revisions.Single().CrdtSnapshot, Is.EqualTo(new byte[] { 9, 8, 7 }));
            Assert.That(loaded.MayDo(table.Chair.Id, NegotiationAction.EditText, table.Document).IsAllowed, Is.False);
            Assert.That(loaded.History.Select(e => e.Description), Is.EqualTo(table.State.History.Select(e => e.Description)));
        });
    }

    [Test]
    public void Reading_without_naming_a_document_is_a_negotiation_wide_question_and_other_actions_need_a_document()
    {
        var table = new SeedTable();

        Assert.That(table.State.MayDo(table.Observer.Id, NegotiationAction.Read, null).IsAllowed, Is.True);
        Assert.That(table.State.MayDo(table.Chair.Id, NegotiationAction.Accept, null).Reason, Is.EqualTo("say on which document to accept amendments"));
        Assert.That(table.State.MayDo(table.Chair.Id, NegotiationAction.Read, new Documents.DocumentId(Guid.NewGuid())).Reason,
            Is.EqualTo("there is no such document in this negotiation"));
    }

    /// <summary>The drafting library's paragraph id has no constructor System.Text.Json picks; a server maps it as a string.</summary>
    private sealed class ParagraphIdAsString : JsonConverter<ParagraphId>
    {
        public override ParagraphId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, ParagraphId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }
}
