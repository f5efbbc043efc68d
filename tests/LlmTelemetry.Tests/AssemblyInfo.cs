// Spans and metrics are process-wide (one ActivitySource, one Meter): tests that observe them cannot run in parallel.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
