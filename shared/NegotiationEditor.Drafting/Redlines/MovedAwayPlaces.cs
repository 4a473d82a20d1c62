namespace NegotiationEditor.Drafting.Redlines;

/// <summary>Where the old place of each moved paragraph falls in the inline redline's reading order.</summary>
internal static class MovedAwayPlaces
{
    /// <summary>
    /// For each moved paragraph, the index of the paragraph after which its old place falls: the last
    /// paragraph that kept its place and came before it in the old draft (-1 for the very start).
    /// </summary>
    public static Dictionary<int, List<RedlineParagraph>> Of(IReadOnlyList<RedlineParagraph> paragraphs)
    {
        var anchors = new Dictionary<int, List<RedlineParagraph>>();
        var moved = paragraphs.Where(static p => p.Status == ParagraphStatus.Moved).OrderBy(static p => p.OldPosition).ToList();
        if (moved.Count == 0)
        {
            return anchors;
        }

        // Paragraphs that stand at their old place, in order of old position (which is also reading order).
        var stayed = new List<(int OldPosition, int Index)>();
        for (var k = 0; k < paragraphs.Count; k++)
        {
            if (paragraphs[k] is { Status: not ParagraphStatus.Moved, OldPosition: { } oldPosition })
            {
                stayed.Add((oldPosition, k));
            }
        }

        foreach (var paragraph in moved)
        {
            var anchor = -1;
            foreach (var (oldPosition, index) in stayed)
            {
                if (oldPosition > paragraph.OldPosition)
                {
                    break;
                }

                anchor = index;
            }

            if (!anchors.TryGetValue(anchor, out var list))
            {
                anchors[anchor] = list = [];
            }

            list.Add(paragraph);
        }

        return anchors;
    }
}
