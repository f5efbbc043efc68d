using System.Collections.Generic;
using LlmTelemetry.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LlmTelemetry.Generators.Parsing;

/// <summary>Which member attributes mark which roles, and which member types each role accepts.</summary>
internal static class ResultMemberRules
{
    public static IEnumerable<(INamedTypeSymbol? Attribute, ResultMemberRole Role)> Attributes(KnownTypes known)
    {
        yield return (known.InputTokensAttribute, ResultMemberRole.InputTokens);
        yield return (known.OutputTokensAttribute, ResultMemberRole.OutputTokens);
        yield return (known.CacheReadInputTokensAttribute, ResultMemberRole.CacheReadInputTokens);
        yield return (known.ReasoningOutputTokensAttribute, ResultMemberRole.ReasoningOutputTokens);
        yield return (known.ResponseModelAttribute, ResultMemberRole.ResponseModel);
        yield return (known.ResponseIdAttribute, ResultMemberRole.ResponseId);
        yield return (known.FinishReasonAttribute, ResultMemberRole.FinishReason);
        yield return (known.ResponseTextAttribute, ResultMemberRole.ResponseText);
    }

    public static IEnumerable<(INamedTypeSymbol? Attribute, ResultMemberRole Role)> DocumentAttributes(KnownTypes known)
    {
        yield return (known.DocumentIdAttribute, ResultMemberRole.DocumentId);
        yield return (known.DocumentScoreAttribute, ResultMemberRole.DocumentScore);
    }

    /// <summary>How a member of <paramref name="type"/> is read for <paramref name="role"/>, or <see langword="null"/> when the type does not fit.</summary>
    public static MemberValueKind? ValueKind(ITypeSymbol type, ResultMemberRole role, KnownTypes known)
    {
        switch (role)
        {
            case ResultMemberRole.InputTokens:
            case ResultMemberRole.OutputTokens:
            case ResultMemberRole.CacheReadInputTokens:
            case ResultMemberRole.ReasoningOutputTokens:
                return IsInteger(UnwrapNullable(type)) ? MemberValueKind.Integer : null;
            case ResultMemberRole.FinishReason:
                if (type.SpecialType == SpecialType.System_String)
                {
                    return MemberValueKind.String;
                }

                if (type.TypeKind == TypeKind.Enum)
                {
                    return MemberValueKind.Enum;
                }

                if (UnwrapNullable(type) is { TypeKind: TypeKind.Enum } && !SymbolEqualityComparer.Default.Equals(UnwrapNullable(type), type))
                {
                    return MemberValueKind.NullableEnum;
                }

                return IsStringCollection(type, known) ? MemberValueKind.StringCollection : null;
            case ResultMemberRole.DocumentId:
                if (type.SpecialType == SpecialType.System_String)
                {
                    return MemberValueKind.String;
                }

                return IsInteger(UnwrapNullable(type)) || UnwrapNullable(type).SpecialType == SpecialType.System_UInt64 || IsGuid(UnwrapNullable(type))
                    ? MemberValueKind.Text
                    : null;
            case ResultMemberRole.DocumentScore:
                return IsNumber(UnwrapNullable(type)) ? MemberValueKind.Number : null;
            default:
                return type.SpecialType == SpecialType.System_String ? MemberValueKind.String : null;
        }
    }

    /// <summary>What a role needs, for the diagnostic when a member does not fit.</summary>
    public static string Requirement(ResultMemberRole role) => role switch
    {
        ResultMemberRole.FinishReason => "a string, an enum or a collection of strings",
        ResultMemberRole.ResponseModel or ResultMemberRole.ResponseId or ResultMemberRole.ResponseText => "a string",
        ResultMemberRole.DocumentId => "a string, an integer or a Guid",
        ResultMemberRole.DocumentScore => "a number (double, float, decimal or an integer, nullable allowed)",
        _ => "an integer type no wider than long (int, long, short … or their nullable forms)",
    };

    private static ITypeSymbol UnwrapNullable(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static bool IsInteger(ITypeSymbol type) => type.SpecialType is
        SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16 or
        SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64;

    private static bool IsNumber(ITypeSymbol type) =>
        IsInteger(type) || type.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal;

    private static bool IsGuid(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "Guid", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    private static bool IsStringCollection(ITypeSymbol type, KnownTypes known)
    {
        if (type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, known.EnumerableOfT))
        {
            return named.TypeArguments[0].SpecialType == SpecialType.System_String;
        }

        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, known.EnumerableOfT)
                && implemented.TypeArguments[0].SpecialType == SpecialType.System_String)
            {
                return true;
            }
        }

        return false;
    }
}
