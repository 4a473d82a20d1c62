using System.Net;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Endpoints;

/// <summary>The bracketed compilation of the live text: open amendments in brackets at their spans, ledgers as footnotes.</summary>
public sealed class CompilationTests
{
    [Test]
    public async Task Amendments_on_the_same_span_share_a_bracket_and_deletions_and_insertions_get_their_own()
    {
        using var server = new NegotiationServerFactory().Started();
        using var chair = ApiSession.As(server, server.Invites.Chair);
        using var greece = ApiSession.As(server, server.Invites.Delegate("Greece"));
        using var uk = ApiSession.As(server, server.Invites.Delegate("UK"));
        using var icc = ApiSession.As(server, server.Invites.Stakeholder("ICC"));
        var document = await chair.TableAsync();
        var text = await chair.TextAsync(document);
        var span = text.IndexOf("in accordance with", StringComparison.Ordinal);
        var established = text.IndexOf("established ", StringComparison.Ordinal);
        var withdrawn = await ApiSession.Expect(await greece.PostAsync($"/api/documents/{document}/amendments", ApiSession.Replacement(text, "the CSTD.", "the Commission.")), HttpStatusCode.Created);
        await ApiSession.Expect(await greece.PostAsync($"/api/documents/{document}/amendments/{withdrawn["id"]}/withdraw"), HttpStatusCode.OK);
        await ApiSession.Expect(await greece.PostAsync($"/api/documents/{document}/amendments", ApiSession.Replacement(text, "in accordance with", "bearing in mind")), HttpStatusCode.Created);
        await ApiSession.Expect(await uk.PostAsync($"/api/documents/{document}/amendments", new
        {
            kind = "alternatives",
            range = new { start = span, end = span + 18 },
            originalText = "in accordance with",
            proposedTexts = new[] { "in conformity with", "" },
        }), HttpStatusCode.Created);
        await ApiSession.Expect(await icc.PostAsync($"/api/documents/{document}/amendments", new
        {
            kind = "delete",
            range = new { start = established, end = established + 12 },
            originalText = "established ",
        }), HttpStatusCode.Created);

        var compilation = (await chair.GetJsonAsync($"/api/documents/{document}/compilation"))["compilationText"]!.GetValue<string>();

        Assert.That(compilation, Does.Contain(
            "IGF improvement, [in accordance with / bearing in mind¹ / in conformity with² / (delete)] the [established  / (delete)³]rules of procedure of the ECOSOC and the CSTD."));
        Assert.That(compilation, Does.Contain("¹ Proposed by Greece\n").And.Contain("² Proposed by UK\n").And.Contain("³ Proposed by ICC"));
        Assert.That(compilation, Does.Not.Contain("Commission"), "a withdrawn amendment is not in the compilation");
    }
}
