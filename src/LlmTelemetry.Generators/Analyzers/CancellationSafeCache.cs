using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace LlmTelemetry.Generators.Analyzers;

/// <summary>
/// Values computed once per key by whichever thread asks first, where a computation that is cancelled leaves nothing
/// behind: the next caller computes afresh with its own token.
/// </summary>
/// <remarks>
/// <see cref="Lazy{T}"/> alone keeps the exception of a cancelled computation and the first caller's token for ever;
/// in the IDE, where every keystroke cancels some requests, that turned one cancelled request into an
/// <see cref="OperationCanceledException"/> for every later caller.
/// </remarks>
internal sealed class CancellationSafeCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<TValue>> _entries;

    public CancellationSafeCache(IEqualityComparer<TKey> comparer)
    {
        _entries = new ConcurrentDictionary<TKey, Lazy<TValue>>(comparer);
    }

    public TValue GetOrCompute(TKey key, Func<TKey, CancellationToken, TValue> compute, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!_entries.TryGetValue(key, out Lazy<TValue>? entry))
            {
                entry = _entries.GetOrAdd(key, new Lazy<TValue>(() => compute(key, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication));
            }

            try
            {
                return entry.Value;
            }
            catch (OperationCanceledException)
            {
                // Whoever's computation was cancelled, the entry is dropped (only that entry, not a newer one).
                ((ICollection<KeyValuePair<TKey, Lazy<TValue>>>)_entries).Remove(new KeyValuePair<TKey, Lazy<TValue>>(key, entry));
                cancellationToken.ThrowIfCancellationRequested();

                // Another caller's token was cancelled while this caller waited on its computation: compute again.
            }
        }
    }
}
