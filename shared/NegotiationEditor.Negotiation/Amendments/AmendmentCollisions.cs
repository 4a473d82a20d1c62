using NegotiationEditor.Negotiation.Documents;

namespace NegotiationEditor.Negotiation.Amendments;

/// <summary>Two open amendments whose spans overlap in the current text; accepting one supersedes the other.</summary>
/// <param name="First">The amendment tabled first.</param>
/// <param name="Second">The amendment tabled later.</param>
public sealed record Collision(AmendmentId First, AmendmentId Second);

/// <summary>Finds open amendments of a document whose anchored spans overlap now (see <see cref="ResolvedSpan.Overlaps"/>).</summary>
/// <param name="resolver">Resolves anchors to spans in the current text.</param>
public sealed class AmendmentCollisions(IAnchorResolver resolver)
{
    private readonly IAnchorResolver _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));

    /// <summary>Every pair of open amendments of <paramref name="document"/> that collide, in the order they were tabled.
    /// Amendments whose anchor no longer resolves collide with nothing.</summary>
    public IReadOnlyList<Collision> Find(DocumentId document, IEnumerable<Amendment> amendments)
    {
        ArgumentNullException.ThrowIfNull(amendments);
        var open = Resolve(document, amendments);
        var collisions = new List<Collision>();
        for (var i = 0; i < open.Count; i++)
        {
            for (var j = i + 1; j < open.Count; j++)
            {
                if (open[i].Span.Overlaps(open[j].Span))
                {
                    collisions.Add(new Collision(open[i].Amendment.Id, open[j].Amendment.Id));
                }
            }
        }

        return collisions;
    }

    /// <summary>The open amendments of <paramref name="amendment"/>'s document, other than it, that collide with it now.</summary>
    public IReadOnlyList<Amendment> CollidingWith(Amendment amendment, IEnumerable<Amendment> amendments)
    {
        ArgumentNullException.ThrowIfNull(amendment);
        ArgumentNullException.ThrowIfNull(amendments);
        if (_resolver.Resolve(amendment.Document, amendment.Anchor) is not { } span)
        {
            return [];
        }

        return Resolve(amendment.Document, amendments)
            .Where(other => other.Amendment.Id != amendment.Id && other.Span.Overlaps(span))
            .Select(other => other.Amendment)
            .ToList();
    }

    private List<(Amendment Amendment, ResolvedSpan Span)> Resolve(DocumentId document, IEnumerable<Amendment> amendments)
    {
        var resolved = new List<(Amendment, ResolvedSpan)>();
        foreach (var amendment in amendments.Where(a => a.IsOpen && a.Document == document).OrderBy(a => a.ProposedAt))
        {
            if (_resolver.Resolve(document, amendment.Anchor) is { } span)
            {
                resolved.Add((amendment, span));
            }
        }

        return resolved;
    }
}
