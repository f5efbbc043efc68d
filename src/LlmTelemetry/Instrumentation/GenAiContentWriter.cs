using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Compliance.Classification;

namespace LlmTelemetry.Instrumentation;

/// <summary>
/// Writes captured content in the JSON shape of the GenAI conventions: a message list
/// (<c>[{"role":…,"parts":[…],"finish_reason":…}]</c>) for <c>gen_ai.input.messages</c> and
/// <c>gen_ai.output.messages</c>, or a part list for <c>gen_ai.system_instructions</c>.
/// </summary>
/// <remarks>
/// Text is cut at <see cref="LlmTelemetryOptions.MaxContentLength"/> characters per attribute; a cut part carries
/// <c>"truncated": true</c> and the JSON stays valid. A document list (<c>gen_ai.retrieval.documents</c>), whose
/// content is its JSON, is held to that many characters as a whole. Text with a data classification is redacted with
/// the configured redactor, or erased when none is configured. Used by generated code only when content capture is on.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GenAiContentWriter
{
    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        // Attribute values are read by people in trace UIs, not embedded in HTML: keep quotes and accents readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    // Names written on every call, encoded once.
    private static readonly JsonEncodedText s_role = JsonEncodedText.Encode("role");
    private static readonly JsonEncodedText s_name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText s_parts = JsonEncodedText.Encode("parts");
    private static readonly JsonEncodedText s_type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText s_content = JsonEncodedText.Encode("content");
    private static readonly JsonEncodedText s_finishReason = JsonEncodedText.Encode("finish_reason");
    private static readonly JsonEncodedText s_truncated = JsonEncodedText.Encode("truncated");
    private static readonly JsonEncodedText s_id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText s_arguments = JsonEncodedText.Encode("arguments");
    private static readonly JsonEncodedText s_response = JsonEncodedText.Encode("response");
    private static readonly JsonEncodedText s_score = JsonEncodedText.Encode("score");

    // A buffer that grew past this is let go rather than kept for the next call.
    private const int MaxRetainedBuffer = 64 * 1024;

    // {"truncated":true}, the last entry of a document list that left documents out.
    private const int TruncatedEntryLength = 18;

    // One writer per thread is reused, so capturing content costs the JSON strings and little else.
    [ThreadStatic]
    private static GenAiContentWriter? t_spare;

    private readonly ContentBuffer _buffer = new();
    private readonly Utf8JsonWriter _json;
    private LlmTelemetryOptions _options = null!;
    private ListKind _kind;
    private int _remaining;
    private bool _inMessage;
    private int _documentsWritten;
    private bool _documentsTruncated;

    // A document's entry is written here first, to be measured before it goes into the list; made on first use.
    private ContentBuffer? _entryBuffer;
    private Utf8JsonWriter? _entryJson;

    private GenAiContentWriter()
    {
        _json = new Utf8JsonWriter(_buffer, s_writerOptions);
    }

    /// <summary>Starts a message list (<c>gen_ai.input.messages</c>, <c>gen_ai.output.messages</c>).</summary>
    public static GenAiContentWriter ForMessages() => Rent(ListKind.Messages);

    /// <summary>Starts a part list (<c>gen_ai.system_instructions</c>).</summary>
    public static GenAiContentWriter ForParts() => Rent(ListKind.Parts);

    /// <summary>
    /// Starts a document list (<c>gen_ai.retrieval.documents</c>), whose whole JSON, brackets included, is held to the
    /// length cap.
    /// </summary>
    public static GenAiContentWriter ForDocuments()
    {
        GenAiContentWriter writer = Rent(ListKind.Documents);
        writer._remaining -= 2; // [ and ]
        return writer;
    }

    /// <summary>Starts a message with its role (<c>system</c>, <c>user</c>, <c>assistant</c>, <c>tool</c> …).</summary>
    public void BeginMessage(string role, string? name = null)
    {
        if (_kind != ListKind.Messages)
        {
            throw new InvalidOperationException("This writer does not write messages.");
        }

        if (_inMessage)
        {
            EndMessage();
        }

        _json.WriteStartObject();
        _json.WriteString(s_role, role);
        if (name is not null)
        {
            _json.WriteString(s_name, name);
        }

        _json.WriteStartArray(s_parts);
        _inMessage = true;
    }

    /// <summary>Ends the current message, with the finish reason of an output message when known.</summary>
    public void EndMessage(string? finishReason = null)
    {
        if (!_inMessage)
        {
            return;
        }

        _json.WriteEndArray();
        if (finishReason is not null)
        {
            _json.WriteString(s_finishReason, finishReason);
        }

        _json.WriteEndObject();
        _inMessage = false;
    }

    /// <summary>Writes a whole message made of one text part.</summary>
    public void WriteTextMessage(string role, string? text, DataClassificationSet? classification = null, string? finishReason = null)
    {
        BeginMessage(role);
        WriteTextPart(text, classification);
        EndMessage(finishReason);
    }

    /// <summary>Writes a <c>text</c> part.</summary>
    public void WriteTextPart(string? text, DataClassificationSet? classification = null) =>
        WriteContentPart("text", text, classification);

    /// <summary>Writes a <c>reasoning</c> part.</summary>
    public void WriteReasoningPart(string? text, DataClassificationSet? classification = null) =>
        WriteContentPart("reasoning", text, classification);

    /// <summary>Writes a <c>tool_call</c> part with its arguments as a JSON object.</summary>
    public void WriteToolCallPart(string? id, string name, IEnumerable<KeyValuePair<string, object?>>? arguments)
    {
        _json.WriteStartObject();
        _json.WriteString(s_type, "tool_call");
        if (id is not null)
        {
            _json.WriteString(s_id, id);
        }

        _json.WriteString(s_name, name);
        if (arguments is not null)
        {
            _json.WriteStartObject(s_arguments);
            foreach (KeyValuePair<string, object?> argument in arguments)
            {
                _json.WritePropertyName(argument.Key);
                WriteValue(argument.Value);
            }

            _json.WriteEndObject();
        }

        _json.WriteEndObject();
    }

    /// <summary>Writes a <c>tool_call</c> part whose arguments arrive as JSON text; text that is not JSON is written as a string.</summary>
    public void WriteToolCallPartWithJsonArguments(string? id, string name, string? argumentsJson)
    {
        _json.WriteStartObject();
        _json.WriteString(s_type, "tool_call");
        if (id is not null)
        {
            _json.WriteString(s_id, id);
        }

        _json.WriteString(s_name, name);
        if (argumentsJson is not null)
        {
            _json.WritePropertyName(s_arguments);
            if (IsJson(argumentsJson) && argumentsJson.Length <= _remaining)
            {
                _json.WriteRawValue(argumentsJson, skipInputValidation: true);
                _remaining -= argumentsJson.Length;
            }
            else
            {
                WriteBudgetedString(argumentsJson);
            }
        }

        _json.WriteEndObject();
    }

    /// <summary>Writes a <c>tool_call_response</c> part.</summary>
    public void WriteToolCallResponsePart(string? id, object? response)
    {
        _json.WriteStartObject();
        _json.WriteString(s_type, "tool_call_response");
        if (id is not null)
        {
            _json.WriteString(s_id, id);
        }

        _json.WritePropertyName(s_response);
        WriteValue(response);
        _json.WriteEndObject();
    }

    /// <summary>Writes a <c>blob</c> part (inline data, base64).</summary>
    public void WriteBlobPart(string? mimeType, ReadOnlySpan<byte> data)
    {
        _json.WriteStartObject();
        _json.WriteString(s_type, "blob");
        WriteMimeTypeAndModality(mimeType);
        int encodedLength = (data.Length + 2) / 3 * 4;
        if (encodedLength <= _remaining)
        {
            _json.WriteBase64String("content", data);
            _remaining -= encodedLength;
        }
        else
        {
            _json.WriteString(s_content, string.Empty);
            _json.WriteBoolean(s_truncated, true);
            _remaining = 0;
        }

        _json.WriteEndObject();
    }

    /// <summary>Writes a <c>uri</c> part; the modality follows the media type unless given.</summary>
    public void WriteUriPart(string? mimeType, string uri, string? modality = null)
    {
        _json.WriteStartObject();
        _json.WriteString(s_type, "uri");
        WriteMimeTypeAndModality(mimeType, modality);
        _json.WriteString("uri", uri);
        _json.WriteEndObject();
    }

    /// <summary>Writes a generic part that carries only its type, for content the conventions have no shape for.</summary>
    public void WriteGenericPart(string type)
    {
        _json.WriteStartObject();
        _json.WriteString(s_type, type);
        _json.WriteEndObject();
    }

    /// <summary>
    /// Writes one entry of <c>gen_ai.retrieval.documents</c> (on a writer from <see cref="ForDocuments"/>):
    /// <c>{"id", "score"}</c>. An entry is written only if the list stays within the length cap with room left for one
    /// last <c>{"truncated": true}</c> entry, which then says that documents were left out.
    /// </summary>
    public void WriteDocument(string? id, double? score)
    {
        if (_kind != ListKind.Documents)
        {
            throw new InvalidOperationException("This writer does not write documents.");
        }

        if (_documentsTruncated)
        {
            return;
        }

        int separator = _documentsWritten == 0 ? 0 : 1;
        ArraySegment<byte> entry = DocumentEntry(id, score);
        int length = separator + Encoding.UTF8.GetCharCount(entry.Array!, entry.Offset, entry.Count);
        if (length + 1 + TruncatedEntryLength <= _remaining)
        {
            _json.WriteRawValue(entry.AsSpan(), skipInputValidation: true);
            _remaining -= length;
            _documentsWritten++;
            return;
        }

        _documentsTruncated = true;
        if (separator + TruncatedEntryLength <= _remaining)
        {
            _json.WriteStartObject();
            _json.WriteBoolean(s_truncated, true);
            _json.WriteEndObject();
        }
    }

    // The entry's JSON, escaped as the list escapes it, so that what is measured is what is written.
    private ArraySegment<byte> DocumentEntry(string? id, double? score)
    {
        _entryBuffer ??= new ContentBuffer();
        _entryJson ??= new Utf8JsonWriter(_entryBuffer, s_writerOptions);
        _entryBuffer.Clear();
        _entryJson.Reset(_entryBuffer);
        _entryJson.WriteStartObject();
        if (id is not null)
        {
            _entryJson.WriteString(s_id, id);
        }

        if (score is double value && !double.IsNaN(value) && !double.IsInfinity(value))
        {
            _entryJson.WriteNumber(s_score, value);
        }

        _entryJson.WriteEndObject();
        _entryJson.Flush();
        return _entryBuffer.Written;
    }

    /// <summary>Text for a plain string attribute: redacted when classified, cut at the length cap.</summary>
    internal static string Capped(string text, DataClassificationSet? classification)
    {
        LlmTelemetryOptions options = LlmTelemetrySettings.Current;
        string content = classification is null ? text : Redact(options, text, classification);
        if (content.Length <= options.MaxContentLength)
        {
            return content;
        }

        int cut = options.MaxContentLength;
        if (char.IsHighSurrogate(content[cut - 1]))
        {
            cut--;
        }

        return content.Substring(0, cut);
    }

    /// <summary>Finishes the list and returns its JSON. The writer must not be used after this: it serves the next call.</summary>
    public string ToJson()
    {
        EndMessage();
        _json.WriteEndArray();
        _json.Flush();
        ArraySegment<byte> written = _buffer.Written;
        string json = Encoding.UTF8.GetString(written.Array!, written.Offset, written.Count);
        if (_buffer.Capacity <= MaxRetainedBuffer)
        {
            t_spare = this;
        }

        return json;
    }

    private static GenAiContentWriter Rent(ListKind kind)
    {
        GenAiContentWriter writer = t_spare ?? new GenAiContentWriter();
        t_spare = null; // a writer started while this one is open gets its own
        writer._buffer.Clear();
        writer._json.Reset(writer._buffer);
        writer._options = LlmTelemetrySettings.Current;
        writer._kind = kind;
        writer._remaining = writer._options.MaxContentLength;
        writer._inMessage = false;
        writer._documentsWritten = 0;
        writer._documentsTruncated = false;
        writer._json.WriteStartArray();
        return writer;
    }

    private void WriteContentPart(string type, string? text, DataClassificationSet? classification)
    {
        string content = classification is null ? text ?? string.Empty : Redact(_options, text, classification);
        _json.WriteStartObject();
        _json.WriteString(s_type, type);
        if (content.Length <= _remaining)
        {
            _json.WriteString(s_content, content);
            _remaining -= content.Length;
        }
        else
        {
            int cut = Math.Max(_remaining, 0);
            if (cut > 0 && char.IsHighSurrogate(content[cut - 1]))
            {
                cut--; // never split a surrogate pair: the JSON would not be valid UTF-8
            }

            _json.WriteString(s_content, content.AsSpan(0, cut));
            _json.WriteBoolean(s_truncated, true);
            _remaining = 0;
        }

        _json.WriteEndObject();
    }

    // Classified text goes through the configured redactor, or is erased when there is none.
    private static string Redact(LlmTelemetryOptions options, string? text, DataClassificationSet classification) =>
        string.IsNullOrEmpty(text) ? string.Empty : options.RedactorProvider?.GetRedactor(classification).Redact(text) ?? string.Empty;

    private void WriteMimeTypeAndModality(string? mimeType, string? modality = null)
    {
        if (mimeType is not null)
        {
            _json.WriteString("mime_type", mimeType);
        }

        _json.WriteString("modality", modality ?? ModalityOf(mimeType));
    }

    private static bool IsJson(string text)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string ModalityOf(string? mimeType)
    {
        if (mimeType is null)
        {
            return "document";
        }

        if (mimeType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
        {
            return "image";
        }

        if (mimeType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase))
        {
            return "audio";
        }

        return mimeType.StartsWith("video/", StringComparison.OrdinalIgnoreCase) ? "video" : "document";
    }

    // Tool arguments and results: primitives as JSON values, JSON as JSON, anything else as its text.
    // No serializer is involved, so this stays trim- and AOT-safe.
    private void WriteValue(object? value)
    {
        switch (value)
        {
            case null:
                _json.WriteNullValue();
                break;
            case string s:
                WriteBudgetedString(s);
                break;
            case bool b:
                _json.WriteBooleanValue(b);
                break;
            case int i:
                _json.WriteNumberValue(i);
                break;
            case long l:
                _json.WriteNumberValue(l);
                break;
            case double d when !double.IsNaN(d) && !double.IsInfinity(d):
                _json.WriteNumberValue(d);
                break;
            case float f when !float.IsNaN(f) && !float.IsInfinity(f):
                _json.WriteNumberValue(f);
                break;
            case decimal m:
                _json.WriteNumberValue(m);
                break;
            case JsonElement element:
                element.WriteTo(_json);
                break;
            case IFormattable formattable:
                WriteBudgetedString(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                WriteBudgetedString(value.ToString() ?? string.Empty);
                break;
        }
    }

    private void WriteBudgetedString(string value)
    {
        if (value.Length <= _remaining)
        {
            _json.WriteStringValue(value);
            _remaining -= value.Length;
            return;
        }

        int cut = Math.Max(_remaining, 0);
        if (cut > 0 && char.IsHighSurrogate(value[cut - 1]))
        {
            cut--;
        }

        _json.WriteStringValue(value.AsSpan(0, cut));
        _remaining = 0;
    }

    private enum ListKind
    {
        Messages,
        Parts,
        Documents,
    }
}
