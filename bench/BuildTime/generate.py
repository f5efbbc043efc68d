#!/usr/bin/env python3
"""Writes the synthetic project the build-time benchmark compiles: FILES files, each with METHODS_PER_FILE
[LlmOperation] methods (chat, with a logger, a prompt and a completion), plus ordinary code of the same size."""
import os
import sys

FILES = int(os.environ.get("FILES", "200"))
METHODS_PER_FILE = int(os.environ.get("METHODS_PER_FILE", "5"))
out = sys.argv[1]
with_llm = sys.argv[2] == "on"
os.makedirs(os.path.join(out, "Code"), exist_ok=True)

repo = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
analyzer = "" if not with_llm else f"""
    <ProjectReference Include="{repo}/src/LlmTelemetry.Generators/LlmTelemetry.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />"""
with open(os.path.join(out, "Synthetic.csproj"), "w") as f:
    f.write(f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <NoWarn>$(NoWarn);LLMT1001;LLMT1002;LLMT2001;LLMT2002;CS1998</NoWarn>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="{repo}/src/LlmTelemetry/LlmTelemetry.csproj" />{analyzer}
    <PackageReference Include="Microsoft.Extensions.AI" Version="10.11.0" />
  </ItemGroup>
</Project>
""")
# The synthetic project lives outside the repository's central package management and build props.
for name in ("Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"):
    with open(os.path.join(out, name), "w") as f:
        f.write("<Project />\n")

for i in range(FILES):
    methods = []
    for j in range(METHODS_PER_FILE):
        attribute = '[LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]' if with_llm else ""
        partial = "partial" if with_llm else ""
        body = ";" if with_llm else f" => Ask{j}CoreAsync(question, cancellationToken);"
        methods.append(f"""
    {attribute}
    public {partial} Task<ChatResponse> Ask{j}Async({'[Prompt] ' if with_llm else ''}string question, CancellationToken cancellationToken = default){body}

    private async Task<ChatResponse> Ask{j}CoreAsync(string question, CancellationToken cancellationToken)
    {{
        _logger.LogInformation("Asking {{Length}} characters", question.Length);
        ChatResponse response = await _chat.GetResponseAsync(question, cancellationToken: cancellationToken);
        _logger.LogInformation("Answered with {{Tokens}} tokens", response.Usage?.OutputTokenCount);
        return response;
    }}

    public string Describe{j}(int count, string name)
    {{
        var parts = new System.Collections.Generic.List<string>();
        for (int k = 0; k < count; k++) {{ parts.Add(name + k.ToString()); }}
        _logger.LogDebug("Described {{Count}}", parts.Count);
        return string.Join(",", parts);
    }}""")
    with open(os.path.join(out, "Code", f"Assistant{i}.cs"), "w") as f:
        f.write(f"""using System.Threading;
using System.Threading.Tasks;
using LlmTelemetry;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Synthetic.Area{i % 20};

public {'partial ' if with_llm else ''}class Assistant{i}(IChatClient chat, ILogger<Assistant{i}> logger)
{{
    private readonly IChatClient _chat = chat;
    private readonly ILogger _logger = logger;
{''.join(methods)}
}}
""")
