using NegotiationEditor.Drafting.Redlines;

namespace NegotiationEditor.Drafting.Tests.Samples;

/// <summary>
/// The README's demo: the redline of the second printed version against the final agreed text shows
/// exactly the changes a reader of the two texts finds, no more.
/// </summary>
[TestFixture]
public sealed class SampleRedlineTests
{
    private const string InvitationStart = "The Chair invites the following stakeholders to interactively participate in the Working Group";
    private const string AssistanceStart = "Pursuant to the ECOSOC decision 2010/226, 2010/227";

    private static SampleNegotiation Sample => SampleNegotiation.Instance;

    private static Redline Demo() => Redliner.Default.Compare(Sample.Draft("printed-version-2"), Sample.Draft("final-text"));

    [Test]
    public void The_first_paragraph_of_the_final_text_is_inserted_whole()
    {
        var inserted = Demo().Paragraphs.Where(p => p.Status == ParagraphStatus.Inserted).ToArray();

        Assert.That(inserted.Select(p => p.NewText), Has.One.StartWith("The Chair of the CSTD establishes a Working Group of 15 member states plus the five member states")
            .And.EndWith("in an open and inclusive manner throughout the process."));
        Assert.That(inserted.Single(p => p.NewText!.StartsWith("The Chair of the CSTD", StringComparison.Ordinal)).NewPosition, Is.Zero);
    }

    [Test]
    public void The_invitation_gains_a_comma_and_refers_to_the_rules_of_procedure_of_the_ECOSOC()
    {
        var invitation = Demo().Paragraphs.Single(p => p.OldText?.StartsWith(InvitationStart, StringComparison.Ordinal) == true);

        Assert.Multiple(() =>
        {
            Assert.That(invitation.Status, Is.EqualTo(ParagraphStatus.Changed));
            Assert.That(Changes(invitation), Is.EqualTo(new[]
            {
                ("", ","),
                ("procedures of CSTD", "procedure of the ECOSOC"),
            }));
            Assert.That(invitation.NewText, Does.Contain("Working Group, bearing in mind the established rules of procedure of the ECOSOC, who will"));
        });
    }

    [Test]
    public void The_stakeholder_bullets_are_unchanged()
    {
        var invitation = Demo().Paragraphs.Single(p => p.OldText?.StartsWith(InvitationStart, StringComparison.Ordinal) == true);
        var bullets = "\n- 5 Business community\n- 5 Civil society\n- 5 Technical and academic community\n- 5 intergovernmental organizations";

        Assert.That(invitation.Runs.Where(r => r.Kind == RunKind.Unchanged).Select(r => r.Text).Last(), Does.EndWith(bullets));
    }

    [Test]
    public void The_assistance_paragraph_gains_two_commas_a_the_and_in_consultation_with_the_stakeholders()
    {
        var assistance = Demo().Paragraphs.Single(p => p.OldText?.StartsWith(AssistanceStart, StringComparison.Ordinal) == true);

        Assert.Multiple(() =>
        {
            Assert.That(assistance.Status, Is.EqualTo(ParagraphStatus.Changed));
            Assert.That(Changes(assistance), Is.EqualTo(new[]
            {
                ("", ","),
                ("", ","),
                ("", "the"),
                ("", "in consultation with the stakeholders"),
            }));
            Assert.That(assistance.NewText, Does.EndWith("should be ensured in consultation with the stakeholders."));
        });
    }

    [Test]
    public void The_decisions_paragraph_gives_way_to_adoption_by_consensus()
    {
        const string decisions = "Decisions of this Working Group will be made by the 22 member states, taking into consideration inputs from all stakeholders, including those who did not participate in the Working Group.";
        const string consensus = "The report of this Working Group will be adopted by consensus.";
        var redline = Demo();
        var old = redline.Paragraphs.Single(p => p.OldText == decisions);
        var replacement = redline.Paragraphs.Single(p => p.NewText == consensus);

        if (ReferenceEquals(old, replacement))
        {
            Assert.That(old.Status, Is.EqualTo(ParagraphStatus.Changed));
        }
        else
        {
            Assert.Multiple(() =>
            {
                Assert.That(old.Status, Is.EqualTo(ParagraphStatus.Deleted));
                Assert.That(replacement.Status, Is.EqualTo(ParagraphStatus.Inserted));
            });
        }
    }

    [Test]
    public void Nothing_else_changes_and_nothing_moves()
    {
        var redline = Demo();

        Assert.Multiple(() =>
        {
            Assert.That(redline.Title?.Status, Is.EqualTo(ParagraphStatus.Unchanged));
            Assert.That(redline.Count(ParagraphStatus.Moved), Is.Zero);
            Assert.That(redline.Count(ParagraphStatus.Unchanged), Is.Zero);
            Assert.That(redline.Paragraphs.Where(p => p.Status == ParagraphStatus.Changed).Select(p => p.OldText![..20]),
                Is.SubsetOf(new[] { InvitationStart[..20], AssistanceStart[..20], "Decisions of this Wo" }));
            Assert.That(redline.Paragraphs.Select(p => p.NewText).Where(t => t is not null), Has.Exactly(4).Items, "the final text's four paragraphs");
            Assert.That(redline.Paragraphs.Select(p => p.OldText).Where(t => t is not null), Has.Exactly(3).Items, "the second printed version's three paragraphs");
        });
    }

    /// <summary>
    /// The changes of a paragraph as a reader sees them: each stretch of adjacent deleted and inserted
    /// runs as (deleted text, inserted text), trimmed of the spaces around them.
    /// </summary>
    private static (string Deleted, string Inserted)[] Changes(RedlineParagraph paragraph)
    {
        var changes = new List<(string, string)>();
        string deleted = "", inserted = "";
        foreach (var run in paragraph.Runs.Append(new RedlineRun(RunKind.Unchanged, "end")))
        {
            switch (run.Kind)
            {
                case RunKind.Deleted:
                    deleted += run.Text;
                    break;
                case RunKind.Inserted:
                    inserted += run.Text;
                    break;
                default:
                    if (deleted.Length + inserted.Length > 0)
                    {
                        changes.Add((deleted.Trim(), inserted.Trim()));
                        deleted = inserted = "";
                    }

                    break;
            }
        }

        return changes.ToArray();
    }
}
