using System;
using System.Text;

namespace LlmTelemetry.Generators.Emission;

/// <summary>
/// Writes C# source line by line with four-space indentation, laid out as the repository's own code is: a blank line
/// after a closing brace that ends a statement, and none before a closing brace.
/// </summary>
/// <remarks>
/// A generator writes megabytes of text in a large project, and in a build every byte it allocates is collected in a
/// heap that holds the whole compilation. So each line goes straight into the builder, and what a line's layout owes to
/// the line after it (a blank line or none) is decided when that line arrives. The builder is reused by the next writer
/// on the thread once <see cref="Finish"/> has taken the text: after the first file it no longer grows.
/// </remarks>
internal sealed class SourceWriter
{
    // A blank line follows a closing brace unless the next line continues the statement or closes a block too.
    private static readonly string[] s_continuations = { "}", "catch", "else", "finally", ")", "#" };

    // Larger builders are left to the collector rather than held for the thread's lifetime.
    private const int MaxReusedCapacity = 256 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_spare;

    private StringBuilder? _text;
    private int _indent;
    private bool _blankPending; // a blank line was asked for; it is written unless a closing brace comes next
    private bool _afterClosingBrace; // the last line written closes a block

    public SourceWriter()
    {
        _text = t_spare ?? new StringBuilder(4096);
        t_spare = null;
    }

    public void Line(string line = "")
    {
        StringBuilder text = Text;
        int start = IndexOfNonWhiteSpace(line);
        if (_blankPending)
        {
            if (!StartsWithAt(line, start, "}"))
            {
                text.Append('\n');
            }
        }
        else if (_afterClosingBrace && start < line.Length && !StartsWithContinuation(line, start))
        {
            text.Append('\n');
        }

        _blankPending = line.Length == 0;
        _afterClosingBrace = !_blankPending && start == line.Length - 1 && line[start] == '}';
        if (!_blankPending)
        {
            text.Append(' ', _indent * 4).Append(line).Append('\n');
        }
    }

    /// <summary>Writes several lines (a template), indenting each non-empty one.</summary>
    public void Lines(string text)
    {
        if (text.IndexOf('\n') < 0)
        {
            Line(text.TrimEnd()); // most templates are one line: no split, no copy
            return;
        }

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
        Line("}" + suffix); // string.Concat returns "}" itself when the suffix is empty
    }

    /// <summary>The text so far, as if it ended here; writing can go on.</summary>
    public override string ToString()
    {
        StringBuilder text = Text;
        if (!_blankPending)
        {
            return text.ToString();
        }

        // A blank line at the end stays.
        text.Append('\n');
        string result = text.ToString();
        text.Length--;
        return result;
    }

    /// <summary>The text, after which the writer is done with and its builder goes to the next writer on the thread.</summary>
    public string Finish()
    {
        string result = ToString();
        StringBuilder text = Text;
        _text = null;
        if (text.Capacity <= MaxReusedCapacity)
        {
            text.Clear();
            t_spare = text;
        }

        return result;
    }

    private StringBuilder Text => _text ?? throw new InvalidOperationException("The writer has finished.");

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
