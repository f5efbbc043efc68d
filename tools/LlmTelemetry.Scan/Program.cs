using System;

namespace LlmTelemetry.Scan;

/// <summary>
/// Runs LlmTelemetry's generator and analyzers over every project under a folder of C# sources and reports crashes,
/// time and findings. The parent scans the folder; each project is analysed in a child process of this same program
/// (the hidden <c>--one</c> mode), so that a stack overflow or a hang costs one project, not the scan.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        ScanArguments? arguments = ScanArguments.Parse(args, out string? error);
        if (arguments is null)
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine();
            Console.Error.WriteLine(ScanArguments.Usage);
            return 2;
        }

        return arguments.OneProject is not null ? ProjectWorker.Run(arguments) : FolderScan.Run(arguments);
    }
}
