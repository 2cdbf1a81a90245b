using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Outcomes;

/// <summary>Ingests an 835 without stalling scrubs: it is staged in chunks, each its own short write that scrub commits
/// interleave with, then published in one short transaction. Until it is published no reader sees it, and a failure or
/// an expired call drops it, so the file is still all or nothing.</summary>
internal static class RemittanceIngestion
{
    /// <summary>About this many service lines go in one chunk: a few milliseconds of writing, so a scrub queued behind
    /// a chunk waits no longer than behind a group commit.</summary>
    private const int LinesPerChunk = 500;

    public static async Task<IngestResult> RunAsync(GroupCommitWriter writer, Records.RecordDictionary dictionary, Remittance remittance, DateTimeOffset ingestedAt, int maxListed,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tally = new IngestTally(maxListed);
        if (await writer.WriteAsync(new StageRemittanceWrite(remittance, ingestedAt), cancellationToken).ConfigureAwait(false) is not { } fileId)
        {
            return tally.Result(remittance, duplicate: true);
        }

        try
        {
            foreach (var (first, count) in Chunks(remittance))
            {
                cancellationToken.ThrowIfCancellationRequested();
                tally.Merge(await writer.WriteAsync(new IngestChunkWrite(fileId, remittance, first, count, maxListed, dictionary), CancellationToken.None).ConfigureAwait(false));
            }

            var published = await writer.WriteAsync(new PublishRemittanceWrite(fileId, remittance.Sha256, cancellationToken), CancellationToken.None).ConfigureAwait(false);
            // The answer waits for the reports: once it returns, they count the file.
            while (await writer.WriteAsync(new RefreshQueuedFactsWrite(), CancellationToken.None).ConfigureAwait(false) > 0)
            {
            }

            return tally.Result(remittance, duplicate: !published);
        }
        catch
        {
            // Whatever stopped it (a bad value, the caller's deadline, a store error), nothing of the file may remain.
            await writer.WriteAsync(new DropStagedRemittanceWrite(fileId), CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Consecutive claims holding about <see cref="LinesPerChunk"/> lines (at least one claim each).</summary>
    private static IEnumerable<(int First, int Count)> Chunks(Remittance remittance)
    {
        var first = 0;
        var lines = 0;
        for (var i = 0; i < remittance.Claims.Length; i++)
        {
            lines += Math.Max(1, remittance.Claims[i].Lines.Length);
            if (lines >= LinesPerChunk)
            {
                yield return (first, i + 1 - first);
                (first, lines) = (i + 1, 0);
            }
        }

        if (first < remittance.Claims.Length)
        {
            yield return (first, remittance.Claims.Length - first);
        }
    }
}
