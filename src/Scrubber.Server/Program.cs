using Scrubber.Server;

return await ScrubberApp.RunAsync(args);
