using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using LlmTelemetry.Instrumentation;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Benchmarks;

/// <summary>
/// How a generated body tracked a pending task before issue #26: it returned the implementation's own task and ended the
/// span in a synchronous continuation, which a caller awaiting the task could overtake. Kept only so that the pending-call
/// benchmark measures, in one run, what ending the span before the caller resumes costs.
/// </summary>
public sealed class ContinuationTrackedOperations(IChatClient model)
{
    private static readonly LlmOperationDescriptor s_operation = new("chat", "openai", "gpt-4o-mini", "api.openai.com", 443, isStreaming: false);

    public Task<ChatResponse> ChatAsync(IList<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!LlmOperationScope.IsEnabled)
        {
            return model.GetResponseAsync(messages, options, cancellationToken);
        }

        return InstrumentedAsync(messages, options, cancellationToken);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<ChatResponse> InstrumentedAsync(IList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var scope = LlmOperationScope.Start(s_operation, options?.ModelId);
        Task<ChatResponse> task = model.GetResponseAsync(messages, options, cancellationToken);
        scope.LeaveCurrent();
        _ = task.ContinueWith(
            static (completed, state) => ((Pending)state!).Finish(completed),
            new Pending(scope),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return task;
    }

    private sealed class Pending(LlmOperationScope scope)
    {
        private LlmOperationScope _scope = scope;

        public void Finish(Task<ChatResponse> task)
        {
            if (task.IsFaulted)
            {
                _scope.RecordFailure(task.Exception!.InnerException!);
            }
            else if (task.IsCanceled)
            {
                _scope.RecordCancellation();
            }
            else
            {
                _scope.Complete(task.Result, global::LlmTelemetry.Generated.MeaiReaders.ChatResponseRecorder);
            }
        }
    }
}
