using System;
using System.Text;

namespace LlmTelemetry.Generators.Emission;

/// <summary>Writes C# source line by line with four-space indentation.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public void Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
            _text.Append(line);
        }

        _text.Append('\n');
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

    /// <summary>
    /// The text, laid out as the repository's own code is: a blank line after a closing brace that ends a
    /// statement, and none before a closing brace.
    /// </summary>
    public override string ToString()
    {
        string[] lines = _text.ToString().Split('\n');
        var result = new StringBuilder(_text.Length + 256);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            string next = i + 1 < lines.Length ? lines[i + 1].TrimStart() : string.Empty;
            if (line.Length == 0 && next.StartsWith("}", StringComparison.Ordinal))
            {
                continue;
            }

            result.Append(line);
            if (i + 1 < lines.Length)
            {
                result.Append('\n');
            }

            if (line.TrimStart() == "}" && next.Length > 0 && !StartsWithAny(next, "}", "catch", "else", "finally", ")", "#"))
            {
                result.Append('\n');
            }
        }

        return result.ToString();
    }

    private static bool StartsWithAny(string text, params string[] prefixes)
    {
        foreach (string prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
