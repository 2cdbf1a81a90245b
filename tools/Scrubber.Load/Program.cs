using Scrubber.Load;

return args switch
{
    ["run", .. var rest] => await LoadRun.RunAsync(LoadSettings.Parse(rest)),
    ["verify", .. var rest] => AckVerifier.Run(rest),
    ["wait", .. var rest] => await ServiceWaiter.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Usage:
          scrubber-load run [--server URL] [--api-key KEY] [--mode unary|stream|noop] [--concurrency N] [--duration SECONDS]
                            [--lines N] [--rate CLAIMS_PER_SECOND] [--warmup SECONDS] [--acks FILE] [--seed N]
          scrubber-load verify --db FILE --acks FILE
          scrubber-load wait [--server URL] [--timeout SECONDS]

        run     drives the service with generated claims and prints claims/s, p50/p95/p99/max latency and errors.
                --acks appends each acknowledged scrub id to FILE as soon as its answer arrives (for the crash test).
                --api-key (default $SCRUBBER_API_KEY, else the development key) is sent on every call.
        verify  checks that every scrub id in the acks file is in the audit store: prints found/missing, exit 1 if any is missing.
        wait    waits until the service reports SERVING on grpc.health.v1 (exit 0), or the timeout passes (exit 1).
        """);
    return 2;
}
