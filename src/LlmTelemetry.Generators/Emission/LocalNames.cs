using System.Collections.Generic;
using System.Linq;
using LlmTelemetry.Generators.Model;

namespace LlmTelemetry.Generators.Emission;

/// <summary>Names for generated locals and lambda parameters that cannot collide with the method's own parameters.</summary>
internal sealed class LocalNames
{
    private readonly HashSet<string> _taken;

    public LocalNames(EquatableArray<ParameterModel> parameters)
    {
        _taken = new HashSet<string>(parameters.Select(static p => p.Name.TrimStart('@')));
        Scope = Unique("__llmScope");
        Result = Unique("__llmResult");
        Exception = Unique("__llmException");
        Model = Unique("__llmModel");
        RequestOptions = Unique("__llmRequestOptions");
        LambdaScope = Unique("__llmS");
        LambdaArguments = Unique("__llmA");
        LambdaResult = Unique("__llmR");
        Value = Unique("__llmValue");
        Messages = Unique("__llmMessages");
        Options = Unique("__llmOptions");
        Item = Unique("__llmItem");
        SelectedGuards = Unique("__llmSelectedGuards");
    }

    public string Scope { get; }
    public string Result { get; }
    public string Exception { get; }
    public string Model { get; }
    public string RequestOptions { get; }
    public string LambdaScope { get; }
    public string LambdaArguments { get; }
    public string LambdaResult { get; }
    public string Value { get; }
    public string Messages { get; }
    public string Options { get; }
    public string Item { get; }
    public string SelectedGuards { get; }

    private string Unique(string name)
    {
        while (!_taken.Add(name))
        {
            name += "_";
        }

        return name;
    }
}
