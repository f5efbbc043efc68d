using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LlmTelemetry.Generators.Parsing;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// The symbols the data-exposure analysis recognises in one compilation, by metadata name: chat content types and
/// their text members (sources), logging, console and span APIs (sinks), and redactors (sanitizers). A library the
/// compilation does not reference contributes nothing.
/// </summary>
internal sealed class DataExposureCatalog
{
    private static readonly string[] ContentTypeNames =
    {
        "Microsoft.Extensions.AI.ChatMessage",
        "Microsoft.Extensions.AI.ChatResponse",
        "Microsoft.Extensions.AI.ChatResponseUpdate",
        "Microsoft.Extensions.AI.AIContent",
        "OpenAI.Chat.ChatMessage",
        "OpenAI.Chat.ChatCompletion",
        "OpenAI.Chat.StreamingChatCompletionUpdate",
        "OpenAI.Chat.ChatMessageContent",
        "OpenAI.Chat.ChatMessageContentPart",
        "Microsoft.SemanticKernel.KernelContent",
        "Microsoft.SemanticKernel.StreamingKernelContent",
        "Microsoft.SemanticKernel.ChatCompletion.ChatHistory",
        "Microsoft.SemanticKernel.FunctionResult",
        "Microsoft.Agents.AI.AgentResponse",
        "Microsoft.Agents.AI.AgentResponseUpdate",
    };

    // The members of chat content types that hold the text itself; their ids, roles, usage and timestamps do not.
    private static readonly ImmutableHashSet<string> ContentMemberNames = ImmutableHashSet.Create(
        "Text", "Messages", "Contents", "Content", "ContentUpdate", "Refusal", "RefusalUpdate", "Items", "ToString", "GetValue");

    // An array, not a set: it is only ever scanned for a prefix, on every call the analysis sees, and enumerating an
    // ImmutableHashSet allocates and copies (it showed as the analyzer's hottest frame).
    private static readonly string[] MutatorPrefixes = ["Add", "Append", "Insert", "Push", "Enqueue", "Write", "TryAdd", "Set", "Prepend"];

    private readonly ImmutableArray<INamedTypeSymbol> _contentTypes;
    private readonly INamedTypeSymbol? _loggerExtensions;
    private readonly INamedTypeSymbol? _logger;
    private readonly INamedTypeSymbol? _loggerMessageAttribute;
    private readonly INamedTypeSymbol? _exception;
    private readonly INamedTypeSymbol? _redactor;
    private readonly INamedTypeSymbol? _redactorAttribute;
    private readonly INamedTypeSymbol? _stringBuilder;
    private readonly INamedTypeSymbol? _textWriter;
    private readonly INamedTypeSymbol? _enumerable;
    private readonly INamedTypeSymbol? _activity;
    private readonly INamedTypeSymbol? _activitySource;
    private readonly INamedTypeSymbol? _telemetrySpan;
    private readonly INamedTypeSymbol? _console;
    private readonly INamedTypeSymbol? _debug;
    private readonly INamedTypeSymbol? _trace;
    private readonly INamedTypeSymbol? _hashAlgorithm;
    private readonly ImmutableArray<INamedTypeSymbol> _otherLoggers;
    private readonly ImmutableArray<INamedTypeSymbol> _scalarTypes;
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _contentTypeCache = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _clientLibraryTypeCache = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _textCarrierCache = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _textArgumentTypeCache = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, MethodRole> _roles = new(SymbolEqualityComparer.Default);
    private readonly System.Func<IMethodSymbol, MethodRole> _roleOfUncached;
    private readonly System.Func<ITypeSymbol, bool> _isTextArgumentTypeUncached;

    // Delegates made once: a method group or lambda handed out per call allocates per call.
    private readonly System.Func<ITypeSymbol, bool> _isContentTypeUncached;
    private readonly System.Func<IParameterSymbol, bool> _textArgument;
    private readonly System.Func<IParameterSymbol, bool> _unclassifiedTextArgument;

    // Built once per compilation: both data-exposure analyzers read it, and its caches are safe to share.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, DataExposureCatalog> s_byCompilation = new();

    /// <summary>The catalog of <paramref name="compilation"/>, looked up once.</summary>
    public static DataExposureCatalog For(Compilation compilation) =>
        s_byCompilation.GetValue(compilation, static c => new DataExposureCatalog(c, ModelCallCatalog.For(c)));

    private DataExposureCatalog(Compilation compilation, ModelCallCatalog modelCalls)
    {
        ModelCalls = modelCalls;
        _services = new ServiceDetection(compilation);
        _isContentTypeUncached = type => IsContentType(type, depth: 0);
        _textArgument = TextArgument;
        _roleOfUncached = RoleOfUncached;
        _isTextArgumentTypeUncached = type => !IsScalar(type) && !IsLogger(type) && !IsExceptionType(type)
            && type.Name is not ("EventId" or "LogLevel" or "LogEventLevel" or "IFormatProvider");
        _unclassifiedTextArgument = parameter => TextArgument(parameter) && !IsClassified(parameter); // the logging generator redacts a classified one
        _contentTypes = ContentTypeNames.Select(compilation.GetWellKnownType).Where(static t => t is not null).ToImmutableArray()!;
        _loggerExtensions = compilation.GetWellKnownType("Microsoft.Extensions.Logging.LoggerExtensions");
        _logger = compilation.GetWellKnownType("Microsoft.Extensions.Logging.ILogger");
        _loggerMessageAttribute = compilation.GetWellKnownType("Microsoft.Extensions.Logging.LoggerMessageAttribute");
        _exception = compilation.GetWellKnownType("System.Exception");
        _redactor = compilation.GetWellKnownType("Microsoft.Extensions.Compliance.Redaction.Redactor");
        _redactorAttribute = compilation.GetWellKnownType("LlmTelemetry.RedactorAttribute");
        DataClassificationAttribute = compilation.GetWellKnownType("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
        PromptAttribute = compilation.GetWellKnownType("LlmTelemetry.PromptAttribute");
        LlmOperationAttribute = compilation.GetWellKnownType("LlmTelemetry.LlmOperationAttribute");
        _stringBuilder = compilation.GetWellKnownType("System.Text.StringBuilder");
        _textWriter = compilation.GetWellKnownType("System.IO.TextWriter");
        _enumerable = compilation.GetWellKnownType("System.Collections.IEnumerable");
        _activity = compilation.GetWellKnownType("System.Diagnostics.Activity");
        _activitySource = compilation.GetWellKnownType("System.Diagnostics.ActivitySource");
        _telemetrySpan = compilation.GetWellKnownType("OpenTelemetry.Trace.TelemetrySpan");
        _console = compilation.GetWellKnownType("System.Console");
        _debug = compilation.GetWellKnownType("System.Diagnostics.Debug");
        _trace = compilation.GetWellKnownType("System.Diagnostics.Trace");
        _hashAlgorithm = compilation.GetWellKnownType("System.Security.Cryptography.HashAlgorithm");
        _otherLoggers = new[]
        {
            "Serilog.ILogger", "Serilog.Log", "Serilog.Context.LogContext", "NLog.ILogger", "NLog.ILoggerBase", "NLog.Logger", "log4net.ILog",
        }.Select(compilation.GetWellKnownType).Where(static t => t is not null).ToImmutableArray()!;
        _scalarTypes = new[]
        {
            "System.Guid", "System.DateTimeOffset", "System.TimeSpan", "System.DateOnly", "System.TimeOnly", "System.Threading.CancellationToken",
            "System.Uri", // a generated image's or a citation's address is not the text of a prompt or completion
            "System.Type", // value.GetType().Name in an exception message names a type, not content
            "Microsoft.Extensions.AI.UsageDetails", "Microsoft.Extensions.AI.ChatRole", "Microsoft.Extensions.AI.ChatFinishReason", "OpenAI.Chat.ChatTokenUsage",
            // Embeddings are numbers derived from text, not the text.
            "Microsoft.Extensions.AI.Embedding", "Microsoft.Extensions.AI.Embedding`1", "Microsoft.Extensions.AI.GeneratedEmbeddings`1",
            "OpenAI.Embeddings.OpenAIEmbedding", "OpenAI.Embeddings.OpenAIEmbeddingCollection",
        }.Select(compilation.GetWellKnownType).Where(static t => t is not null).ToImmutableArray()!;
    }

    public ModelCallCatalog ModelCalls { get; }

    public INamedTypeSymbol? DataClassificationAttribute { get; }

    public INamedTypeSymbol? PromptAttribute { get; }

    public INamedTypeSymbol? LlmOperationAttribute { get; }

    /// <summary>Whether the compilation can hold prompt or completion text at all: a client library, or LlmTelemetry.</summary>
    public bool IsRelevant => !ModelCalls.IsEmpty || !_contentTypes.IsEmpty || PromptAttribute is not null;

    /// <summary>Values of these types carry no text: numbers, flags, enums, ids, times, token usage.</summary>
    public bool IsScalar(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return IsScalar(nullable.TypeArguments[0]);
        }

        // A type that does not bind (a missing reference, code being typed) is not judged: the build has errors to show.
        return type.TypeKind is TypeKind.Enum or TypeKind.Error
            || type.SpecialType is SpecialType.System_Void or SpecialType.System_Boolean or SpecialType.System_Char
                or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                or SpecialType.System_Decimal or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_DateTime
                or SpecialType.System_IntPtr or SpecialType.System_UIntPtr
            || Contains(_scalarTypes, type.OriginalDefinition)
            || IsNumberVector(type);
    }

    // An embedding vector, a list of scores or counts: numbers derived from content, not the content. (Not chars or bytes,
    // which can be text.)
    private static bool IsNumberVector(ITypeSymbol type) => ElementOf(type)?.SpecialType is SpecialType.System_Single or SpecialType.System_Double
        or SpecialType.System_Decimal or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
        or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Boolean;

    private static ITypeSymbol? ElementOf(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        if (type is not INamedTypeSymbol { TypeArguments.Length: 1 } named)
        {
            return null;
        }

        INamedTypeSymbol definition = named.OriginalDefinition;
        bool isSequence = definition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T or SpecialType.System_Collections_Generic_IList_T
                or SpecialType.System_Collections_Generic_ICollection_T or SpecialType.System_Collections_Generic_IReadOnlyList_T
                or SpecialType.System_Collections_Generic_IReadOnlyCollection_T
            || (definition.Name is "Memory" or "ReadOnlyMemory" or "Span" or "ReadOnlySpan" && definition.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
            || (definition.Name == "List" && definition.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic");
        return isSequence ? named.TypeArguments[0] : null;
    }

    /// <summary>
    /// Chat messages, responses, updates and histories, and anything that holds them (a list, a task, a stream): such a
    /// value carries prompt or completion text as a whole.
    /// </summary>
    public bool IsContentType(ITypeSymbol? type) =>
        type is not null && !_contentTypes.IsEmpty && _contentTypeCache.GetOrAdd(type, _isContentTypeUncached);

    /// <summary>
    /// Whether a value of <paramref name="type"/> can hold text: strings, objects, chat content, builders, collections
    /// of such, and this compilation's own types — not numbers, and not a library's services (a logger, a client).
    /// Only such fields are followed from method to method.
    /// </summary>
    public bool CanCarryText(ITypeSymbol type, IAssemblySymbol compilationAssembly) =>
        _textCarrierCache.GetOrAdd(type, t => CanCarryText(t, compilationAssembly, depth: 0));

    /// <summary>
    /// Whether reading <paramref name="member"/> of a client library type yields text: a text member of a chat content
    /// type, or a property holding chat content. Its ids, roles, usage and timestamps do not.
    /// </summary>
    public bool CarriesText(ISymbol member) =>
        (ContentMemberNames.Contains(member.Name) && member.ContainingType is { } type && IsContentType(type))
        || (member is IPropertySymbol property && IsContentType(property.Type));

    /// <summary>Whether <paramref name="type"/> belongs to a client library (its members other than text are metadata).</summary>
    public bool IsClientLibraryType(ITypeSymbol type) => IsContentType(type) && _clientLibraryTypeCache.GetOrAdd(type, static t => t.ContainingNamespace?.ToDisplayString() is string ns
        && (ns.StartsWith("Microsoft.Extensions.AI", System.StringComparison.Ordinal) || ns.StartsWith("OpenAI", System.StringComparison.Ordinal) || ns.StartsWith("Microsoft.SemanticKernel", System.StringComparison.Ordinal)
            || ns.StartsWith("Microsoft.Agents.AI", System.StringComparison.Ordinal)));

    public bool IsExceptionType(ITypeSymbol? type) => _exception is not null && DerivesFrom(type, _exception);

    public bool IsLoggerMessageMethod(IMethodSymbol method) => HasAttribute(method, _loggerMessageAttribute);

    public bool IsLogger(ITypeSymbol? type) => type is not null && _logger is not null
        && (SymbolEqualityComparer.Default.Equals(type, _logger) || type.AllInterfaces.Contains(_logger, SymbolEqualityComparer.Default));

    /// <summary>A value that accumulates what is added to it: appending prompt text to it taints it.</summary>
    public bool IsContainer(ITypeSymbol? type) =>
        type is not null && type.SpecialType != SpecialType.System_String
        && (DerivesFrom(type, _stringBuilder) || DerivesFrom(type, _textWriter)
            || (_enumerable is not null && type.AllInterfaces.Contains(_enumerable, SymbolEqualityComparer.Default))
            || type.GetAttributes().Any(static a => a.AttributeClass?.Name == "InterpolatedStringHandlerAttribute"));

    public static bool IsMutator(IMethodSymbol method)
    {
        string name = method.Name;
        foreach (string prefix in MutatorPrefixes)
        {
            if (name.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the result of <paramref name="method"/> is safe to log whatever its input (a redactor or a hash).</summary>
    public bool IsSanitizer(IMethodSymbol method, DataExposureOptions options) =>
        RoleOf(method).IsSanitizer || options.IsListedRedactor(method.ReducedFrom ?? method.OriginalDefinition);

    /// <summary>Whether <paramref name="method"/> calls a model (a client library's chat or embedding call, or a declared wrapper).</summary>
    public bool IsModelCall(IMethodSymbol method, DataExposureOptions options) => ModelCalls.Classify(method, options.ModelCalls) is not null;

    /// <summary>Whether <paramref name="method"/> calls a model and returns what it generated as text (not an embeddings call, whose vectors carry none).</summary>
    public bool IsTextModelCall(IMethodSymbol method, DataExposureOptions options) => ModelCalls.Classify(method, options.ModelCalls) is { Embeddings: false };

    /// <summary>Whether the return value of <paramref name="method"/> is marked <c>[Prompt]</c>.</summary>
    public bool ReturnsPrompt(IMethodSymbol method) => RoleOf(method).ReturnsPrompt;

    /// <summary>
    /// The sink <paramref name="method"/> writes to, if it is one; <paramref name="isSinkArgument"/> tells which of its
    /// parameters carry the written text.
    /// </summary>
    public Sink? ClassifySink(IMethodSymbol method, IOperation? receiver, DataExposureOptions options, CancellationToken cancellationToken, out System.Func<IParameterSymbol, bool> isSinkArgument)
    {
        MethodRole role = RoleOf(method);
        isSinkArgument = role.ClassifiedArgumentsRedacted ? _unclassifiedTextArgument : _textArgument;
        Sink? sink = role.Receiver switch
        {
            SinkReceiver.LoggingDelegate => new Sink(SinkKind.Log, receiver?.Syntax.ToString() ?? "a logging delegate"),
            SinkReceiver.ConsoleStream when IsConsoleStream(receiver) && ConsoleIsLog(options, cancellationToken) => new Sink(SinkKind.ConsoleOutput, receiver!.Syntax + "." + method.Name),
            SinkReceiver.ConsoleStream => null,
            _ when role.WritesToConsole && !ConsoleIsLog(options, cancellationToken) => null,
            _ => role.Sink,
        };
        if (sink is not null)
        {
            return sink;
        }

        IMethodSymbol original = method.ReducedFrom ?? method.OriginalDefinition;
        return options.IsListedSink(original) ? new Sink(SinkKind.Log, original.Name) : null;
    }

    // What a method is to the analysis, apart from what .editorconfig lists: the pre-check, the flow analysis and the
    // summaries all ask at every call, so it is worked out once per method.
    private MethodRole RoleOf(IMethodSymbol method) => _roles.GetOrAdd(method, _roleOfUncached);

    private MethodRole RoleOfUncached(IMethodSymbol method)
    {
        IMethodSymbol original = method.ReducedFrom ?? method.OriginalDefinition;
        INamedTypeSymbol type = original.ContainingType.OriginalDefinition;
        string name = original.Name;
        var role = new MethodRole
        {
            IsLlmOperation = HasAttribute(method.OriginalDefinition, LlmOperationAttribute),
            ReturnsPrompt = PromptAttribute is not null && method.GetReturnTypeAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, PromptAttribute)),
            IsSanitizer = IsRedactorOrHash(original),
        };

        if (Is(type, _loggerExtensions) && (name.StartsWith("Log", System.StringComparison.Ordinal) || name == "BeginScope"))
        {
            role.Sink = new Sink(SinkKind.Log, name);
        }
        else if (IsLogger(type) && name is "Log" or "BeginScope")
        {
            role.Sink = new Sink(SinkKind.Log, "ILogger." + name);
        }
        else if (IsLoggerMessageMethod(original))
        {
            // The logger, level and exception are not text; a classified argument is redacted by the logging generator.
            role.Sink = new Sink(SinkKind.Log, name);
            role.ClassifiedArgumentsRedacted = true;
        }
        else if (method.MethodKind == MethodKind.DelegateInvoke && method.Parameters.Length > 0 && IsLogger(method.Parameters[0].Type))
        {
            // LoggerMessage.Define returns Action<ILogger, T1, …, Exception?>: invoking it logs its arguments.
            role.Receiver = SinkReceiver.LoggingDelegate;
        }
        else if (IsOtherLogger(type))
        {
            role.Sink = new Sink(SinkKind.Log, type.Name + "." + name);
        }
        else if (Is(type, _console) && name is "Write" or "WriteLine")
        {
            role.Sink = new Sink(SinkKind.ConsoleOutput, "Console." + name);
            role.WritesToConsole = true;
        }
        else if ((Is(type, _debug) || Is(type, _trace)) && name is not ("Flush" or "Indent" or "Unindent" or "Close"))
        {
            role.Sink = new Sink(SinkKind.ConsoleOutput, type.Name + "." + name);
        }
        else if (DerivesFrom(type, _textWriter) && name.StartsWith("Write", System.StringComparison.Ordinal))
        {
            role.Receiver = SinkReceiver.ConsoleStream; // a sink when written to Console.Out or Console.Error
        }
        else if (DerivesFrom(type, _activity) && name is "SetTag" or "AddTag" or "AddEvent" or "AddBaggage" or "SetBaggage" or "SetStatus" or "SetCustomProperty")
        {
            role.Sink = new Sink(SinkKind.Span, "Activity." + name);
        }
        else if (Is(type, _activitySource) && name is "StartActivity" or "CreateActivity")
        {
            role.Sink = new Sink(SinkKind.Span, "ActivitySource." + name);
        }
        else if (DerivesFrom(type, _telemetrySpan) && name is "SetAttribute" or "AddEvent" or "SetStatus" or "UpdateName")
        {
            role.Sink = new Sink(SinkKind.Span, "TelemetrySpan." + name);
        }

        return role;
    }

    private bool IsRedactorOrHash(IMethodSymbol original)
    {
        if (original.Name.StartsWith("Redact", System.StringComparison.Ordinal) && DerivesFrom(original.ContainingType, _redactor))
        {
            return true;
        }

        if (HasAttribute(original, _redactorAttribute))
        {
            return true;
        }

        // A cryptographic hash identifies the text without revealing it.
        return original.Name is "HashData" or "TryHashData" or "ComputeHash"
            && original.ContainingNamespace?.ToDisplayString() == "System.Security.Cryptography"
            && (original.Name != "ComputeHash" || DerivesFrom(original.ContainingType, _hashAlgorithm));
    }

    /// <summary>A property whose assignment writes to a span (its display name).</summary>
    public Sink? ClassifySinkProperty(IPropertySymbol property) =>
        DerivesFrom(property.ContainingType, _activity) && property.Name == "DisplayName" ? new Sink(SinkKind.Span, "Activity.DisplayName") : null;

    public bool IsClassified(ISymbol symbol) => ClassificationOf(symbol) is not null;

    /// <summary>The Microsoft.Extensions.Compliance classification attribute on <paramref name="symbol"/>, if any.</summary>
    public AttributeData? ClassificationOf(ISymbol symbol)
    {
        if (DataClassificationAttribute is null)
        {
            return null;
        }

        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (DerivesFrom(attribute.AttributeClass, DataClassificationAttribute))
            {
                return attribute;
            }
        }

        return null;
    }

    public bool HasPromptAttribute(ISymbol symbol) => HasAttribute(symbol, PromptAttribute);

    /// <summary>
    /// A <c>[Prompt]</c> parameter: marked itself or, in the implementation method of <paramref name="operation"/>,
    /// through the operation's parameter at the same position.
    /// </summary>
    public bool IsPromptParameter(IParameterSymbol parameter, IMethodSymbol? operation) =>
        HasPromptAttribute(parameter)
        || (operation is not null && parameter.Ordinal < operation.Parameters.Length && HasPromptAttribute(operation.Parameters[parameter.Ordinal]));

    public bool IsLlmOperation(IMethodSymbol method) => RoleOf(method).IsLlmOperation;

    // Text-bearing arguments: not the logger, level, event id, exception or flags.
    private bool TextArgument(IParameterSymbol parameter) => _textArgumentTypeCache.GetOrAdd(parameter.Type, _isTextArgumentTypeUncached);

    private readonly ServiceDetection _services;

    private bool ConsoleIsLog(DataExposureOptions options, CancellationToken cancellationToken) => options.ConsoleOutput switch
    {
        ConsoleOutputPolicy.Log => true,
        ConsoleOutputPolicy.UserInterface => false,
        _ => _services.IsService(cancellationToken),
    };

    private bool IsConsoleStream(IOperation? receiver) =>
        receiver is IPropertyReferenceOperation { Property: var property } && Is(property.ContainingType, _console);

    private bool CanCarryText(ITypeSymbol type, IAssemblySymbol compilationAssembly, int depth)
    {
        if (IsScalar(type) || depth > 2)
        {
            return false;
        }

        if (type.SpecialType is SpecialType.System_String or SpecialType.System_Object || type.TypeKind is TypeKind.Dynamic or TypeKind.TypeParameter
            || IsContentType(type) || DerivesFrom(type, _stringBuilder) || DerivesFrom(type, _textWriter)
            || SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilationAssembly))
        {
            return true;
        }

        return type switch
        {
            IArrayTypeSymbol array => CanCarryText(array.ElementType, compilationAssembly, depth + 1),
            INamedTypeSymbol { IsGenericType: true } named => named.TypeArguments.Any(t => CanCarryText(t, compilationAssembly, depth + 1)),
            _ => false,
        };
    }

    private bool IsContentType(ITypeSymbol? type, int depth)
    {
        // A delegate over messages (a selector, a termination condition) is code, not content.
        if (type is null || depth > 3 || type.TypeKind == TypeKind.Delegate)
        {
            return false;
        }

        if (type is IArrayTypeSymbol array)
        {
            return IsContentType(array.ElementType, depth + 1);
        }

        if (_contentTypes.Any(c => DerivesFrom(type, c)))
        {
            return true;
        }

        return type is INamedTypeSymbol { IsGenericType: true } named && named.TypeArguments.Any(t => IsContentType(t, depth + 1));
    }

    // Loops rather than LINQ in what runs for every operation and call: a closure a call adds up.
    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return false;
        }

        foreach (AttributeData data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(ImmutableArray<INamedTypeSymbol> types, ITypeSymbol type)
    {
        foreach (INamedTypeSymbol candidate in types)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, type))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsOtherLogger(INamedTypeSymbol type)
    {
        foreach (INamedTypeSymbol logger in _otherLoggers)
        {
            if (Is(type, logger) || type.AllInterfaces.Contains(logger, SymbolEqualityComparer.Default))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? known) =>
        type is not null && known is not null && SymbolEqualityComparer.Default.Equals(type, known);

    private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType) =>
        type is not null && ResultMappingParser.DerivesFrom(type, baseType);
}
