using Scrubber.Load;

return await LoadCommandLine.RunAsync(args, Console.Out, Console.Error);
