using Scrubber.Cli;

return await Cli.RunAsync(args, new CliConsole(Console.Out, Console.Error, ErrorIsTerminal: !Console.IsErrorRedirected));
