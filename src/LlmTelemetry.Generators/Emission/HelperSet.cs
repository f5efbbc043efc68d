using System.Collections.Generic;

namespace LlmTelemetry.Generators.Emission;

/// <summary>The members one generated file needs in its nested helper class, collected while its methods are written.</summary>
internal sealed class HelperSet
{
    private readonly List<string> _classifications = new();
    private readonly List<(string DelegateType, string Lambda)> _recorders = new();

    public IReadOnlyList<string> Classifications => _classifications;

    public IReadOnlyList<(string DelegateType, string Lambda)> Recorders => _recorders;

    /// <summary>The member that holds the classification built by <paramref name="expression"/>, one per distinct expression.</summary>
    public string Classification(string expression)
    {
        int index = _classifications.IndexOf(expression);
        if (index < 0)
        {
            index = _classifications.Count;
            _classifications.Add(expression);
        }

        return $"{RuntimeNames.HelperClass}.Classification{index}";
    }

    /// <summary>
    /// The field that holds a recorder lambda, one per distinct lambda of the type: operations that read the same
    /// arguments and results share one delegate, where inline lambdas would each be compiled and cached apart.
    /// </summary>
    public string Recorder(string delegateType, string lambda)
    {
        int index = _recorders.IndexOf((delegateType, lambda));
        if (index < 0)
        {
            index = _recorders.Count;
            _recorders.Add((delegateType, lambda));
        }

        return $"{RuntimeNames.HelperClass}.Recorder{index}";
    }
}
