using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LlmTelemetry.Scan;

/// <summary>
/// The global usings file the SDK writes into obj/ (<c>&lt;project&gt;.GlobalUsings.g.cs</c>): the implicit usings
/// of the project's SDK when ImplicitUsings is on, plus its <c>Using</c> items, less those it removes.
/// </summary>
internal static class GlobalUsings
{
    private static readonly string[] s_base =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly string[] s_web =
    [
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    private static readonly string[] s_worker =
        ["Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging"];

    /// <summary>The file's text, or null when the project has no global usings.</summary>
    public static string? For(MsBuildProject project)
    {
        var usings = new List<(string Namespace, string? Alias, bool Static)>();
        if (project.IsTrue("ImplicitUsings"))
        {
            IEnumerable<string> implicitUsings = s_base;
            if (project.IsWeb)
            {
                implicitUsings = implicitUsings.Concat(s_web);
            }
            else if (project.IsWorker)
            {
                implicitUsings = implicitUsings.Concat(s_worker);
            }

            usings.AddRange(implicitUsings.Select(static n => (n, (string?)null, false)));
        }

        usings.AddRange(project.Usings);
        var text = new StringBuilder();
        foreach ((string name, string? alias, bool isStatic) in usings.Where(u => !project.RemovedUsings.Contains(u.Namespace)).Distinct())
        {
            text.Append("global using ")
                .Append(isStatic ? "static " : "")
                .Append(alias is null ? "" : alias + " = ")
                .Append("global::").Append(name).Append(";\n");
        }

        return text.Length == 0 ? null : text.ToString();
    }
}
