using NegotiationEditor.Crdt.Tests.Encoding;

namespace NegotiationEditor.Crdt.Tests.Core;

public sealed class RelativePositionTests
{
    private static void Sync(YDoc a, YDoc b)
    {
        Y.ApplyUpdate(b, Y.EncodeStateAsUpdate(a, Y.EncodeStateVector(b)));
        Y.ApplyUpdate(a, Y.EncodeStateAsUpdate(b, Y.EncodeStateVector(a)));
    }

    private static (YDoc A, YDoc B) TwoReplicas(string content)
    {
        var a = new YDoc(1);
        var b = new YDoc(2);
        a.GetText("t").Insert(0, content);
        Sync(a, b);
        return (a, b);
    }

    private static string Span(YDoc doc, RelativePosition start, RelativePosition end)
    {
        var from = start.ToIndex(doc)!.Value;
        var to = end.ToIndex(doc)!.Value;
        return doc.GetText("t").ToString()[from..to];
    }

    [Test]
    public void A_position_is_encoded_as_the_id_of_the_character_it_sticks_to()
    {
        var doc = new YDoc(1);
        doc.GetText("t").Insert(0, "abc");
        Assert.That(Hex.Of(RelativePosition.FromIndex(doc.GetText("t"), 1).Encode()), Is.EqualTo("00010100"));
        Assert.That(Hex.Of(RelativePosition.FromIndex(doc.GetText("t"), 1, -1).Encode()), Is.EqualTo("00010041"));
    }

    [Test]
    public void A_position_at_the_end_of_a_root_text_names_the_root()
    {
        var doc = new YDoc(1);
        doc.GetText("t").Insert(0, "abc");
        var end = RelativePosition.FromIndex(doc.GetText("t"), 3);
        Assert.That(Hex.Of(end.Encode()), Is.EqualTo("01017400"));
        doc.GetText("t").Insert(3, "de");
        Assert.That(end.ToIndex(doc), Is.EqualTo(5));
    }

    [Test]
    public void Encoding_and_decoding_keeps_every_field()
    {
        var doc = new YDoc(300);
        var text = doc.GetText("t");
        text.Insert(0, "hello");
        foreach (var (index, assoc) in new[] { (0, 0), (2, 0), (2, -1), (5, 0), (5, -1), (0, -1) })
        {
            var position = RelativePosition.FromIndex(text, index, assoc);
            var decoded = RelativePosition.Decode(position.Encode());
            Assert.That(decoded.Item, Is.EqualTo(position.Item));
            Assert.That(decoded.TypeName, Is.EqualTo(position.Item == null ? position.TypeName : null));
            Assert.That(decoded.Assoc, Is.EqualTo(position.Assoc));
            Assert.That(decoded.ToIndex(doc), Is.EqualTo(index), $"index {index}, assoc {assoc}");
        }
    }

    [Test]
    public void An_anchored_span_survives_concurrent_edits_around_it()
    {
        var (a, b) = TwoReplicas("The parties agree to reduce emissions.");
        var start = RelativePosition.FromIndex(a.GetText("t"), 12);
        var end = RelativePosition.FromIndex(a.GetText("t"), 17, -1);
        Assert.That(Span(a, start, end), Is.EqualTo("agree"));

        a.GetText("t").Insert(0, "[All] ");
        b.GetText("t").Delete(18, 20);
        b.GetText("t").Insert(4, "two ");
        a.GetText("t").Insert(a.GetText("t").Length, " Adopted.");
        Sync(a, b);

        Assert.That(a.GetText("t").ToString(), Is.EqualTo(b.GetText("t").ToString()));
        Assert.That(Span(a, start, end), Is.EqualTo("agree"));
        Assert.That(Span(b, RelativePosition.Decode(start.Encode()), RelativePosition.Decode(end.Encode())), Is.EqualTo("agree"));
    }

    [Test]
    public void Insertions_inside_an_anchored_span_belong_to_it()
    {
        var (a, b) = TwoReplicas("The parties agree to reduce emissions.");
        var start = RelativePosition.FromIndex(a.GetText("t"), 21);
        var end = RelativePosition.FromIndex(a.GetText("t"), 27, -1);
        Assert.That(Span(a, start, end), Is.EqualTo("reduce"));

        b.GetText("t").Insert(24, "[sharply ]");
        a.GetText("t").Delete(22, 1);
        Sync(a, b);

        Assert.That(Span(a, start, end), Is.EqualTo("rd[sharply ]uce"));
        Assert.That(Span(b, start, end), Is.EqualTo("rd[sharply ]uce"));
    }

    [Test]
    public void Deleting_the_anchored_characters_collapses_the_span_where_they_were()
    {
        var (a, b) = TwoReplicas("keep this text");
        var start = RelativePosition.FromIndex(a.GetText("t"), 5);
        var end = RelativePosition.FromIndex(a.GetText("t"), 9, -1);
        b.GetText("t").Delete(4, 6);
        a.GetText("t").Insert(0, ">> ");
        Sync(a, b);

        Assert.That(a.GetText("t").ToString(), Is.EqualTo(">> keeptext"));
        Assert.That(start.ToIndex(a), Is.EqualTo(7));
        Assert.That(end.ToIndex(a), Is.EqualTo(7));
    }

    [Test]
    public void Random_edits_outside_a_span_never_change_its_text()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);
            var (a, b) = TwoReplicas("0123456789ABCDEFGHIJ");
            var start = RelativePosition.FromIndex(a.GetText("t"), 8);
            var end = RelativePosition.FromIndex(a.GetText("t"), 12, -1);
            for (var i = 0; i < 30; i++)
            {
                var doc = random.Next(2) == 0 ? a : b;
                var text = doc.GetText("t");
                var from = start.ToIndex(doc)!.Value;
                var to = end.ToIndex(doc)!.Value;
                if (random.Next(2) == 0)
                {
                    // Insert strictly before the start or strictly after the end.
                    var index = random.Next(2) == 0 ? random.Next(from) : to + 1 + random.Next(text.Length - to);
                    text.Insert(Math.Min(index, text.Length), "x");
                }
                else if (from > 0 && random.Next(2) == 0)
                {
                    text.Delete(random.Next(from), 1);
                }
                else if (to < text.Length)
                {
                    text.Delete(to + random.Next(text.Length - to), 1);
                }

                if (random.Next(3) == 0)
                {
                    Sync(a, b);
                }
            }

            Sync(a, b);
            Assert.That(Span(a, start, end), Is.EqualTo("89AB"), $"seed {seed}");
            Assert.That(Span(b, start, end), Is.EqualTo("89AB"), $"seed {seed}");
        }
    }

    [Test]
    public void A_position_in_content_not_yet_received_does_not_resolve()
    {
        var a = new YDoc(1);
        a.GetText("t").Insert(0, "abc");
        var position = RelativePosition.FromIndex(a.GetText("t"), 1);
        Assert.That(position.ToIndex(new YDoc(2)), Is.Null);
    }

    [Test]
    public void A_position_in_a_nested_text_names_the_type_by_its_item()
    {
        var doc = new YDoc(1);
        var nested = YText.CreateDetached();
        doc.GetMap("m").Set("amendment", nested);
        nested.Insert(0, "xy");
        var end = RelativePosition.FromIndex(nested, 2);
        Assert.That(Hex.Of(end.Encode()), Is.EqualTo("0201" + "0000"));
        Assert.That(end.ToAbsolute(doc)!.Value.Type, Is.SameAs(nested));
        Assert.That(end.ToIndex(doc), Is.EqualTo(2));
    }
}
