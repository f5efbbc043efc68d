using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace LlmTelemetry.Scan;

/// <summary>
/// What makes two crashes the same bug: the kind, the exception type and the top frames of the stack (without file
/// names and line numbers, which move with every edit). For a process death the frames come from what the runtime
/// printed (a stack overflow prints the repeating frames).
/// </summary>
internal static partial class CrashSignature
{
    private const int Frames = 3;

    public static string Of(Crash crash)
    {
        IEnumerable<string> frames = TopFrames(crash.Text).Take(Frames);
        return $"{crash.Kind} {crash.ExceptionType} | {string.Join(" < ", frames)}";
    }

    /// <summary>
    /// The stack's frames, innermost first, as "Type.Method", from the first frame in LlmTelemetry's code when there is
    /// one (a stack overflow often ends in a compiler frame that LlmTelemetry called), skipping the runtime's helpers.
    /// </summary>
    public static IEnumerable<string> TopFrames(string text)
    {
        List<string> frames = Frame().Matches(text).Select(static m => m.Groups[1].Value)
            .Where(static f => !f.StartsWith("System.Runtime.", StringComparison.Ordinal) && !f.StartsWith("System.Threading.", StringComparison.Ordinal))
            .ToList();
        int own = frames.FindIndex(static f => f.StartsWith("LlmTelemetry.", StringComparison.Ordinal));
        return frames.Skip(Math.Max(own, 0)).Select(Simplify).Distinct();
    }

    // "Namespace.Type`1.Method(args)" -> "Type`1.Method"
    private static string Simplify(string frame)
    {
        string name = frame.Split('(')[0];
        string[] parts = name.Split('.');
        return parts.Length >= 2 ? parts[^2] + "." + parts[^1] : name;
    }

    [GeneratedRegex(@"^\s*at (\S+\(.*?\))", RegexOptions.Multiline)]
    private static partial Regex Frame();
}
