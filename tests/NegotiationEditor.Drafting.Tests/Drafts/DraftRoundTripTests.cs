using NegotiationEditor.Drafting.Drafts;

namespace NegotiationEditor.Drafting.Tests.Drafts;

public sealed class DraftRoundTripTests
{
    private static readonly string[] HandWritten =
    [
        "",
        "Only one unnumbered paragraph.\n",
        "---\nsymbol: E/CN.16/2011/CRP.1/Rev.1\ndate: 2010-12-08T19:30\nstatus: draft\ncommittee: CSTD\n---\n\n# Composition\n\nPP1. _Recalling_ its resolution 2010/2,\n\n1. The Chair establishes a Working Group: {#establish}\n- 5 Business community\n· 5 Civil society\n\n* 5 Technical community\ncontinued on a second line\n\n2 bis. Inserted.\n\n2 (new).\n\nText over\ntwo lines.\n",
        "# Title only\n",
        "---\r\nsymbol: A/RES/1\r\n---\r\n\r\n1. Windows line endings.\r\n- item\r\n",
        "1.  Two spaces keep their place.\n\nPP3 ter. {#kept}\n",
        "Ends with an id {#end}\n\n{#x} is not an id here because text follows.\n",
    ];

    [TestCaseSource(nameof(HandWritten))]
    public void Writing_a_parsed_draft_gives_back_the_same_bytes(string source)
    {
        Assert.That(DraftWriter.Write(DraftParser.Parse(source)), Is.EqualTo(source));
    }

    [Test]
    public void Non_canonical_spacing_is_written_in_canonical_form_with_the_same_model()
    {
        var loose = "\n\n# Title\n\n\n1. One.\n   \n2. Two.";
        var draft = DraftParser.Parse(loose);
        var written = DraftWriter.Write(draft);

        Assert.That(written, Is.EqualTo("# Title\n\n1. One.\n\n2. Two.\n"));
        Assert.That(DraftParser.Parse(written), Is.EqualTo(draft));
    }
}
