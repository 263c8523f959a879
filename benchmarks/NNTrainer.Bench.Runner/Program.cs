using NNTrainer.Bench.Runner;

// Side-by-side benchmark runner for NNTrainer's workloads (see benchmarks/README.md and benchmarks/run.sh); the
// commands and their options are listed in Usage.cs.
var options = Options.Parse(args);
if (options.Help)
{
    Console.WriteLine(Usage.For(options.Command));
    return 0;
}
return options.Command switch
{
    "fmnist" => FmnistWorkload.Run(options),
    "cnn" => CnnWorkload.Run(options),
    "cnn-profile" => CnnWorkload.Profile(options),
    "spiral" => SpiralWorkload.Run(options),
    "gemm" => GemmWorkload.Run(options),
    "report" => Report.Run(options),
    "init-study" => InitializerStudy.Run(options),
    _ => UnknownCommand(options.Command),
};

static int UnknownCommand(string command)
{
    Console.Error.WriteLine((command.Length == 0 ? "" : $"unknown command '{command}'{Environment.NewLine}") + Usage.For(""));
    return 2;
}
