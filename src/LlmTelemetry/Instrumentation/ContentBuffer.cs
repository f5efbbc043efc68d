using System;
using System.Buffers;

namespace LlmTelemetry.Instrumentation;

/// <summary>A growable byte buffer for the JSON of captured content, kept and reused by its writer.</summary>
internal sealed class ContentBuffer : IBufferWriter<byte>
{
    private byte[] _bytes = new byte[1024];

    public int WrittenCount { get; private set; }

    public int Capacity => _bytes.Length;

    public ArraySegment<byte> Written => new(_bytes, 0, WrittenCount);

    public void Clear() => WrittenCount = 0;

    public void Advance(int count) => WrittenCount += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _bytes.AsMemory(WrittenCount);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _bytes.AsSpan(WrittenCount);
    }

    private void Ensure(int sizeHint)
    {
        int needed = WrittenCount + Math.Max(sizeHint, 1);
        if (needed > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(needed, _bytes.Length * 2));
        }
    }
}
