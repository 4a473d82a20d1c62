return NegotiationEditor.Cli.Negotiate.Run(args);
