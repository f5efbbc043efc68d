using System;
using System.Text;

namespace LlmTelemetry.Generators.Emission;

/// <summary>
/// Writes C# source line by line with four-space indentation, laid out as the repository's own code is: a blank line
/// after a closing brace that ends a statement, and none before a closing brace.
/// </summary>
/// <remarks>
/// The layout is decided as each line is written, one line behind (a line's layout depends on the line after it), so
/// that the text is built once: a generator writes megabytes of it in a large project.
/// </remarks>
internal sealed class SourceWriter
{
    // A blank line follows a closing brace unless the next line continues the statement or closes a block too.
    private static readonly string[] s_continuations = { "}", "catch", "else", "finally", ")", "#" };

    private readonly StringBuilder _text = new();
    private int _indent;
    private string? _heldLine; // null until the first line
    private int _heldIndent;

    public void Line(string line = "")
    {
        if (_heldLine is not null)
        {
            Release(_heldLine, next: line);
        }

        _heldLine = line;
        _heldIndent = _indent;
    }

    /// <summary>Writes several lines (a template), indenting each non-empty one.</summary>
    public void Lines(string text)
    {
        foreach (string line in text.Replace("\r\n", "\n").Split('\n'))
        {
            Line(line.TrimEnd());
        }
    }

    public void Open(string? header = null)
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        _indent++;
    }

    public void Close(string suffix = "")
    {
        _indent = Math.Max(0, _indent - 1);
        Line("}" + suffix);
    }

    public override string ToString()
    {
        if (_heldLine is null)
        {
            return _text.ToString();
        }

        // The last line, as if the text ended here; taken back after, so that writing can go on.
        int length = _text.Length;
        Release(_heldLine, next: string.Empty);
        string text = _text.ToString();
        _text.Length = length;
        return text;
    }

    // Writes the held line, now that the line after it is known.
    private void Release(string held, string next)
    {
        int nextStart = IndexOfNonWhiteSpace(next);
        bool nextIsBlank = nextStart == next.Length;
        if (held.Length == 0)
        {
            if (!StartsWithAt(next, nextStart, "}"))
            {
                _text.Append('\n');
            }

            return;
        }

        _text.Append(' ', _heldIndent * 4).Append(held).Append('\n');
        if (!nextIsBlank && IsClosingBrace(held) && !StartsWithContinuation(next, nextStart))
        {
            _text.Append('\n');
        }
    }

    private static bool IsClosingBrace(string line)
    {
        int start = IndexOfNonWhiteSpace(line);
        return start == line.Length - 1 && line[start] == '}';
    }

    private static bool StartsWithContinuation(string line, int start)
    {
        foreach (string prefix in s_continuations)
        {
            if (StartsWithAt(line, start, prefix))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithAt(string text, int start, string prefix) =>
        text.Length - start >= prefix.Length && string.CompareOrdinal(text, start, prefix, 0, prefix.Length) == 0;

    private static int IndexOfNonWhiteSpace(string text)
    {
        int index = 0;
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }
}
