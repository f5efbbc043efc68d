using System.Collections.Generic;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// The stacks the iterative walks of operation trees use, one kept per thread for the next walk: a walk runs for every
/// body of a compilation, and a build pays for what it allocates in garbage collections. A walk that starts while
/// another on the same thread holds the kept stack (a summary read inside a walk) gets a new one.
/// </summary>
internal static class WalkStacks<T>
{
    [System.ThreadStatic]
    private static Stack<T>? t_free;

    public static Stack<T> Rent()
    {
        Stack<T>? stack = t_free;
        t_free = null;
        return stack ?? new Stack<T>();
    }

    public static void Return(Stack<T> stack)
    {
        stack.Clear();
        t_free = stack;
    }
}
