using Scrubber.Load;

return args switch
{
    ["run", .. var rest] => await RunAsync(rest),
    ["fuzz", .. var rest] => await FuzzRun.RunAsync(FuzzSettings.Parse(rest)),
    ["verify", .. var rest] => AckVerifier.Run(rest),
    ["wait", .. var rest] => await ServiceWaiter.RunAsync(rest),
    _ => Usage(),
};

static async Task<int> RunAsync(string[] args)
{
    LoadSettings settings;
    try
    {
        settings = LoadSettings.Parse(args);
    }
    catch (Exception ex) when (ex is ArgumentException or FormatException)
    {
        Console.Error.WriteLine(ex.Message);
        return 2;
    }

    return await LoadRun.RunAsync(settings);
}

static int Usage()
{
    Console.Error.WriteLine("""
        Usage:
          scrubber-load run [--server URL] [--api-key KEY] [--mode unary|stream|noop] [--concurrency N] [--duration SECONDS]
                            [--lines N] [--rate CLAIMS_PER_SECOND] [--warmup SECONDS] [--acks FILE] [--seed N]
                            [--pairs active-pairs.tsv] [--payer ID] [--ceiling]
                            [--swap tables|packs [--pack-file pack.json]] [--swap-every SECONDS] [--server-pid PID] [--memory-every SECONDS]
          scrubber-load fuzz [--server URL] [--count N] [--seed N] [--concurrency N] [--api-key KEY]
          scrubber-load verify --db FILE --acks FILE
          scrubber-load wait [--server URL] [--timeout SECONDS]

        run     drives the service with generated claims and prints claims/s, p50/p95/p99/max latency and errors.
                --acks appends each acknowledged scrub id to FILE as soon as its answer arrives (for the crash test).
                --pairs builds claims from a generated table's active pairs (scrubctl ncci generate writes the file),
                so they hit its edits; --payer sends them for that payer (its pack runs).
                --ceiling then runs the no-op RPC at the same concurrency and prints the ratio.
                --swap reloads tables (or edits --pack-file and reloads packs) every --swap-every seconds and prints
                p99 during swaps against steady state; --server-pid adds the server's resident memory before/after,
                and --memory-every samples it while measuring (soak runs).
                --api-key (default $SCRUBBER_API_KEY, else the development key) is sent on every call.
        fuzz    sends N mutated claims (empty, long, non-ASCII, NUL, bad dates, bad numbers, too many lines, …), half
                unary, half on streams, and prints counts by outcome; exit 1 if any answer was not a scrub or an
                INVALID_ARGUMENT naming a field (INTERNAL, UNKNOWN, transport failure), or the service stopped SERVING.
                --api-key (else $SCRUBBER_API_KEY, else the development key) is sent as "authorization: Bearer KEY".
        verify  checks that every scrub id in the acks file is in the audit store: prints found/missing, exit 1 if any is missing.
        wait    waits until the service reports SERVING on grpc.health.v1 (exit 0), or the timeout passes (exit 1).
        """);
    return 2;
}
