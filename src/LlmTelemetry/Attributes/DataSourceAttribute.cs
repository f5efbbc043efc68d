using System;

namespace LlmTelemetry;

/// <summary>
/// Marks the <see cref="string"/> parameter of a <see cref="RetrievalAttribute"/> method that names the data source
/// searched at run time (<c>gen_ai.data_source.id</c>). It overrides <see cref="RetrievalAttribute.DataSource"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class DataSourceAttribute : Attribute
{
}
