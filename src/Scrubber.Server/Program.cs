using Scrubber.Server;

await ScrubberApp.Create(args).RunAsync();
