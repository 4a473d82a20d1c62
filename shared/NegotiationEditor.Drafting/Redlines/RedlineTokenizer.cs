using System.Buffers;
using System.Globalization;
using System.Text;

namespace NegotiationEditor.Drafting.Redlines;

/// <summary>What a token of a paragraph's text is: a word, one punctuation mark or a run of whitespace.</summary>
public enum TokenKind
{
    /// <summary>Letters, digits and combining marks, with apostrophes between letters ("States'" is "States" and "'").</summary>
    Word,

    /// <summary>A single character that is neither part of a word nor whitespace (punctuation, symbols, brackets).</summary>
    Punctuation,

    /// <summary>A run of spaces, tabs and line breaks.</summary>
    Whitespace,
}

/// <summary>
/// The first stage of the redline: splits a paragraph's text into word, punctuation and whitespace
/// tokens. The tokens, concatenated, give the text back exactly.
/// </summary>
public static class RedlineTokenizer
{
    /// <summary>The tokens of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = NextTokenEnd(text, start, out _);
            tokens.Add(text[start..end]);
            start = end;
        }

        return tokens;
    }

    /// <summary>The kind of a token produced by <see cref="Tokenize"/>.</summary>
    public static TokenKind KindOf(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        NextTokenEnd(token, 0, out var kind);
        return kind;
    }

    // Kinds of the ASCII characters, for the common case.
    private static readonly TokenKind[] AsciiKinds = BuildAsciiKinds();

    /// <summary>The end (exclusive) of the token that starts at <paramref name="start"/>.</summary>
    internal static int NextTokenEnd(ReadOnlySpan<char> text, int start, out TokenKind kind)
    {
        var first = text[start];
        if (first < 128)
        {
            kind = AsciiKinds[first];
            if (kind == TokenKind.Punctuation)
            {
                return start + 1;
            }

            // Run over ASCII characters of the same kind; anything else continues on the general path.
            var i = start + 1;
            while (i < text.Length && text[i] < 128 && AsciiKinds[text[i]] == kind)
            {
                i++;
            }

            if (i == text.Length || (text[i] < 128 && !IsApostrophe(text[i])))
            {
                return i;
            }

            return Continue(text, i, kind);
        }

        var (firstKind, length) = ClassifyUnit(text, start);
        kind = firstKind;
        return firstKind == TokenKind.Punctuation ? start + length : Continue(text, start + length, firstKind);
    }

    /// <summary>Extends a word or whitespace token from <paramref name="i"/>.</summary>
    private static int Continue(ReadOnlySpan<char> text, int i, TokenKind kind)
    {
        if (kind == TokenKind.Whitespace)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            return i;
        }

        while (i < text.Length)
        {
            var (nextKind, nextLength) = ClassifyUnit(text, i);
            if (nextKind == TokenKind.Word)
            {
                i += nextLength;
                continue;
            }

            if (IsApostrophe(text[i]) && i + 1 < text.Length && ClassifyUnit(text, i + 1).Kind == TokenKind.Word)
            {
                i++;
                continue;
            }

            break;
        }

        return i;
    }

    private static TokenKind[] BuildAsciiKinds()
    {
        var kinds = new TokenKind[128];
        for (var c = 0; c < 128; c++)
        {
            kinds[c] = char.IsAsciiLetterOrDigit((char)c) ? TokenKind.Word
                : c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' ? TokenKind.Whitespace
                : TokenKind.Punctuation;
        }

        return kinds;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    /// <summary>Classifies the character (or surrogate pair) at <paramref name="index"/>.</summary>
    private static (TokenKind Kind, int Length) ClassifyUnit(ReadOnlySpan<char> text, int index)
    {
        var c = text[index];
        if (c < 128)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                return (TokenKind.Word, 1);
            }

            return (c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' ? TokenKind.Whitespace : TokenKind.Punctuation, 1);
        }

        if (char.IsWhiteSpace(c))
        {
            return (TokenKind.Whitespace, 1);
        }

        if (Rune.DecodeFromUtf16(text[index..], out var rune, out var consumed) != OperationStatus.Done)
        {
            return (TokenKind.Punctuation, 1);
        }

        var category = Rune.GetUnicodeCategory(rune);
        var isWord = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
        return (isWord ? TokenKind.Word : TokenKind.Punctuation, consumed);
    }
}
