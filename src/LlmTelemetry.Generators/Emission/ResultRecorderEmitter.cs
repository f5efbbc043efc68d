using LlmTelemetry.Generators.Model;

namespace LlmTelemetry.Generators.Emission;

/// <summary>Writes the lambda that records what a result (or one chunk of a stream) carries.</summary>
internal static class ResultRecorderEmitter
{
    /// <summary>
    /// The recorder of the readers file that reads this result as it is, for a client-library type read by one call;
    /// otherwise <see langword="null"/> and the operation gets a lambda of its own.
    /// </summary>
    public static string? SharedReader(OperationMethodModel operation)
    {
        if (operation.Result.UnwrapClientResult || operation.ResultType is null || operation.ResultIsRefLike)
        {
            return null;
        }

        return operation.Result.Kind switch
        {
            ResultKind.MeaiChatResponse => $"{RuntimeNames.MeaiReaders}.ChatResponseRecorder",
            ResultKind.MeaiChatResponseUpdate => $"{RuntimeNames.MeaiReaders}.ChatResponseUpdateRecorder",
            ResultKind.OpenAIChatCompletion => $"{RuntimeNames.OpenAIReaders}.ChatCompletionRecorder",
            ResultKind.OpenAIStreamingUpdate => $"{RuntimeNames.OpenAIReaders}.StreamingChatCompletionUpdateRecorder",
            _ => null,
        };
    }

    /// <summary>The recorder lambda, or <see langword="null"/> when the result carries nothing LlmTelemetry reads.</summary>
    public static string? Create(OperationMethodModel operation, bool isChunk, LocalNames names)
    {
        ResultMappingModel result = operation.Result;
        if (result.Kind == ResultKind.None || operation.ResultType is null || operation.ResultIsRefLike)
        {
            return null;
        }

        string s = names.LambdaScope;
        string value = result.UnwrapClientResult ? $"{names.LambdaResult}.Value" : names.LambdaResult;
        var body = new SourceWriter();
        switch (result.Kind)
        {
            case ResultKind.Text:
                body.Line(isChunk ? $"{s}.AppendOutputText({value});" : $"{s}.SetOutputText({value});");
                break;
            case ResultKind.MeaiChatResponse:
                body.Line($"{RuntimeNames.MeaiReaders}.RecordChatResponse(ref {s}, {value});");
                break;
            case ResultKind.MeaiChatResponseUpdate:
                body.Line($"{RuntimeNames.MeaiReaders}.RecordChatResponseUpdate(ref {s}, {value});");
                break;
            case ResultKind.MeaiEmbeddings:
                body.Line($"{RuntimeNames.MeaiReaders}.RecordEmbeddings<{result.EmbeddingType}>(ref {s}, {value});");
                break;
            case ResultKind.OpenAIChatCompletion:
                body.Line($"{RuntimeNames.OpenAIReaders}.RecordChatCompletion(ref {s}, {value});");
                break;
            case ResultKind.OpenAIStreamingUpdate:
                body.Line($"{RuntimeNames.OpenAIReaders}.RecordStreamingChatCompletionUpdate(ref {s}, {value});");
                break;
            case ResultKind.User:
                WriteUserMembers(body, result, value, isChunk, names);
                break;
            case ResultKind.Documents:
                WriteDocuments(body, result.Documents!, value, result.CanBeNull, names);
                break;
        }

        return $"static (ref {RuntimeNames.Scope} {s}, {operation.ResultType} {names.LambdaResult}) =>\n{{\n{RequestRecorderEmitter.Indent(body.Finish())}}}";
    }

    private static void WriteDocuments(SourceWriter body, DocumentMappingModel documents, string value, bool canBeNull, LocalNames names)
    {
        string v = names.Value;
        body.Line($"var {v} = {value};");
        if (documents.Shape != DocumentShape.Single && canBeNull)
        {
            body.Open($"if ({v} is null)");
            body.Line("return;");
            body.Close();
        }

        switch (documents.Shape)
        {
            case DocumentShape.Single:
                WriteDocument(body, documents, v, names);
                break;
            case DocumentShape.Array:
            case DocumentShape.Indexed:
                // Indexing, not foreach: enumerating a list through its interface allocates.
                string count = documents.Shape == DocumentShape.Array ? "Length" : "Count";
                body.Open($"for (int __llmIndex = 0; __llmIndex < {v}.{count}; __llmIndex++)");
                WriteDocument(body, documents, $"{v}[__llmIndex]", names);
                body.Close();
                break;
            case DocumentShape.Enumerated:
                body.Open($"foreach (var __llmDocument in {v})");
                WriteDocument(body, documents, "__llmDocument", names);
                body.Close();
                break;
        }
    }

    // One AddDocument per document: its id only when content is captured (an id that is not a string is turned
    // into one, which allocates), its score as a double.
    private static void WriteDocument(SourceWriter body, DocumentMappingModel documents, string element, LocalNames names)
    {
        string s = names.LambdaScope;
        string access = documents.DocumentCanBeNull ? "?." : ".";
        string document = documents.FromVectorSearchResult ? $"{element}.Record" : element;
        string id = documents.IdMember is null
            ? "null"
            : documents.IdIsString
                ? $"{document}{access}{documents.IdMember}"
                : $"{document}{access}{documents.IdMember}.ToString()";
        string score = documents.FromVectorSearchResult
            ? $"{element}.Score"
            : documents.ScoreMember is null ? "null" : $"(double?){element}{access}{documents.ScoreMember}";
        string idArgument = id == "null" ? "null" : $"{s}.IsCapturingContent ? {id} : null";
        body.Line($"{s}.AddDocument({idArgument}, {score});");
    }

    private static void WriteUserMembers(SourceWriter body, ResultMappingModel result, string value, bool isChunk, LocalNames names)
    {
        string s = names.LambdaScope;
        string v = names.Value;
        body.Line($"var {v} = {value};");
        if (result.CanBeNull)
        {
            body.Open($"if ({v} is null)");
            body.Line("return;");
            body.Close();
        }

        foreach (ResultMemberModel member in result.Members)
        {
            string access = $"{v}.{member.Name}";
            switch (member.Role)
            {
                case ResultMemberRole.InputTokens:
                    body.Line($"{s}.SetInputTokens((long?){access});");
                    break;
                case ResultMemberRole.OutputTokens:
                    body.Line($"{s}.SetOutputTokens((long?){access});");
                    break;
                case ResultMemberRole.CacheReadInputTokens:
                    body.Line($"{s}.SetCacheReadInputTokens((long?){access});");
                    break;
                case ResultMemberRole.ReasoningOutputTokens:
                    body.Line($"{s}.SetReasoningOutputTokens((long?){access});");
                    break;
                case ResultMemberRole.ResponseModel:
                    body.Line($"{s}.SetResponseModel({access});");
                    break;
                case ResultMemberRole.ResponseId:
                    body.Line($"{s}.SetResponseId({access});");
                    break;
                case ResultMemberRole.ResponseText:
                    body.Line(isChunk ? $"{s}.AppendOutputText({access});" : $"{s}.SetOutputText({access});");
                    break;
                case ResultMemberRole.FinishReason:
                    WriteFinishReason(body, member, access, names);
                    break;
            }
        }
    }

    // A switch over the members known at compile time: calling ToString() on an enum boxes it.
    private static string EnumName(ResultMemberModel member, string value)
    {
        var arms = new System.Text.StringBuilder();
        arms.Append(value).Append(" switch { ");
        foreach (string name in member.EnumMembers)
        {
            arms.Append(member.EnumType).Append('.').Append(name).Append(" => \"").Append(name.TrimStart('@')).Append("\", ");
        }

        arms.Append("_ => ").Append(value).Append(".ToString() }");
        return arms.ToString();
    }

    private static void WriteFinishReason(SourceWriter body, ResultMemberModel member, string access, LocalNames names)
    {
        string s = names.LambdaScope;
        switch (member.ValueKind)
        {
            case MemberValueKind.String:
                body.Line($"{s}.AddFinishReason({access});");
                break;
            case MemberValueKind.Enum:
                body.Line($"{s}.AddFinishReason({EnumName(member, access)});");
                break;
            case MemberValueKind.NullableEnum:
                body.Open($"if ({access} is {{ }} {names.Item})");
                body.Line($"{s}.AddFinishReason({EnumName(member, names.Item)});");
                body.Close();
                break;
            case MemberValueKind.StringCollection:
                body.Open($"if ({access} is {{ }} {names.Item})");
                body.Open($"foreach (var __llmReason in {names.Item})");
                body.Line($"{s}.AddFinishReason(__llmReason);");
                body.Close();
                body.Close();
                break;
        }
    }
}
