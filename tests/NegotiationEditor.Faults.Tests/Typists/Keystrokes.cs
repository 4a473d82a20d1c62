using System.Text.RegularExpressions;
using NegotiationEditor.Crdt;

namespace NegotiationEditor.Faults.Tests.Typists;

/// <summary>
/// What a typist does to the text: mostly it inserts a marker (<c>⟦name.n⟧</c>, unique in the run) at a random place
/// between markers, sometimes it deletes one character of the seeded text. A marker is never typed into or deleted,
/// so each one that reached the server must be found whole, exactly once, in the final text.
/// </summary>
public static partial class Keystrokes
{
    public const char Open = '⟦';
    public const char Close = '⟧';

    /// <summary>The chance that a keystroke deletes a character of the seeded text instead of inserting a marker.</summary>
    public const double DeleteChance = 0.2;

    /// <summary>Makes one edit on <paramref name="text"/>; returns the marker inserted, or null for a deletion.</summary>
    public static string? Strike(YText text, Random random, string marker)
    {
        var current = text.ToString();
        if (random.NextDouble() < DeleteChance && DeletablePlaces(current) is { Count: > 0 } deletable)
        {
            text.Delete(deletable[random.Next(deletable.Count)], 1);
            return null;
        }
        var places = InsertionPlaces(current);
        text.Insert(places[random.Next(places.Count)], marker);
        return marker;
    }

    /// <summary>The markers in a text, in order.</summary>
    public static IReadOnlyList<string> MarkersIn(string text) => [.. Marker().Matches(text).Select(match => match.Value)];

    /// <summary>Indexes where an insertion splits no marker and no surrogate pair.</summary>
    private static List<int> InsertionPlaces(string text)
    {
        var places = new List<int>(text.Length + 1);
        var inside = false;
        for (var index = 0; index <= text.Length; index++)
        {
            if (!inside && (index == text.Length || !char.IsLowSurrogate(text[index])))
            {
                places.Add(index);
            }
            if (index < text.Length)
            {
                inside = text[index] == Open || (inside && text[index] != Close);
            }
        }
        return places;
    }

    /// <summary>Indexes of seeded characters outside markers (a lone BMP character each).</summary>
    private static List<int> DeletablePlaces(string text)
    {
        var places = new List<int>();
        var inside = false;
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (character == Open)
            {
                inside = true;
            }
            else if (character == Close)
            {
                inside = false;
            }
            else if (!inside && !char.IsSurrogate(character))
            {
                places.Add(index);
            }
        }
        return places;
    }

    [GeneratedRegex("⟦[^⟦⟧]*⟧")]
    private static partial Regex Marker();
}
