System.Console.WriteLine("benchmarks: not yet written");
