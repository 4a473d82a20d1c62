using System.Text;
using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Drafting.Notation;

namespace NegotiationEditor.Cli;

/// <summary>
/// Reads a draft file given on the command line and says in one line what is wrong with it: missing,
/// a folder, larger than 5 MB, binary, not UTF-8, a control character, or a draft that does not parse
/// (with line and column).
/// </summary>
internal static class DraftFile
{
    /// <summary>The largest draft the command accepts.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The draft in <paramref name="path"/>, its bracket notation checked too.</summary>
    /// <exception cref="InputError">The file cannot be read, is not a draft, or its bracket notation is not valid.</exception>
    public static Draft Read(string path)
    {
        var source = ReadText(path);
        try
        {
            return NotatedDraft.Parse(source).Draft;
        }
        catch (NotationFormatException e) when (e.Location is { } location)
        {
            throw new InputError($"{path}:{e.Line}:{e.Column}: {e.Reason} (in {location})");
        }
        catch (DraftFormatException e)
        {
            throw new InputError($"{path}:{e.Line}:{e.Column}: {e.Reason}");
        }
    }

    /// <summary>The text of <paramref name="path"/>, checked to be UTF-8 text of at most 5 MB.</summary>
    /// <exception cref="InputError">The file cannot be read or is not UTF-8 text.</exception>
    public static string ReadText(string path)
    {
        byte[] bytes;
        try
        {
            if (Directory.Exists(path))
            {
                throw new InputError($"{path}: is a folder, not a draft file");
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new InputError($"{path}: no such file");
            }

            if (info.Length > MaxBytes)
            {
                throw new InputError($"{path}: the file is larger than 5 MB ({info.Length / (1024.0 * 1024.0):0.0} MB); a draft is at most 5 MB");
            }

            bytes = ReadAtMost(path, MaxBytes + 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputError($"{path}: cannot be read ({e.Message})");
        }

        if (bytes.Length > MaxBytes)
        {
            throw new InputError($"{path}: the file is larger than 5 MB; a draft is at most 5 MB");
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            throw new InputError($"{path}: the file is UTF-16 text; save it as UTF-8");
        }

        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            throw new InputError($"{path}: is a binary file (a NUL byte at offset {nul}), not a draft");
        }

        var invalid = FirstInvalidByte(bytes);
        if (invalid >= 0)
        {
            var (line, column) = Position(bytes, invalid);
            throw new InputError($"{path}:{line}:{column}: the file is not UTF-8 text (byte 0x{bytes[invalid]:X2}); save it as UTF-8");
        }

        var text = StrictUtf8.GetString(bytes);

        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                var (line, column) = Position(text, i);
                throw new InputError($"{path}:{line}:{column}: the file contains the control character U+{(int)c:X4}; a draft is plain text");
            }
        }

        return text;
    }

    /// <summary>The first <paramref name="limit"/> bytes of the file at most: a device or a growing file cannot make the command read forever.</summary>
    private static byte[] ReadAtMost(string path, long limit)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = file.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Where the first byte sequence that is not well-formed UTF-8 starts (RFC 3629), or -1.</summary>
    private static int FirstInvalidByte(byte[] bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            var lead = bytes[i];
            var length = lead switch
            {
                < 0x80 => 1,
                >= 0xC2 and <= 0xDF => 2,
                >= 0xE0 and <= 0xEF => 3,
                >= 0xF0 and <= 0xF4 => 4,
                _ => 0,
            };
            if (length == 0 || i + length > bytes.Length)
            {
                return i;
            }

            for (var k = 1; k < length; k++)
            {
                if ((bytes[i + k] & 0xC0) != 0x80)
                {
                    return i;
                }
            }

            var second = length > 1 ? bytes[i + 1] : 0;
            if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F))
            {
                return i;
            }

            i += length;
        }

        return -1;
    }

    private static (int Line, int Column) Position(byte[] bytes, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        // Columns count characters: the continuation bytes of earlier characters on the line do not add one.
        var column = 1;
        for (var i = lineStart; i < offset; i++)
        {
            if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1 + text.AsSpan(0, index).Count('\n');
        var lineStart = text.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        if (index == 0)
        {
            lineStart = 0;
        }

        return (line, index - lineStart + 1);
    }
}
