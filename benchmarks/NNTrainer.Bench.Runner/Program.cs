using NNTrainer.Bench.Runner;

// Side-by-side benchmark runner for NNTrainer's workloads (see benchmarks/README.md and benchmarks/run.sh).
//   fmnist  --threads N [--epochs 10] [--seed 0] [--optimizer adam|adamw] [--schedule none|cosine] [--tag NAME] [--results DIR]
//   cnn     --arch shallownet|lenet|minivggnet --threads N [--epochs 10] [--seed 0] [--tag NAME] [--results DIR]
//   cnn-profile --arch A --threads N [--batches 40]        time per layer and conv GFLOP/s
//   spiral  --threads N [--samples 100] [--epochs 10000] [--data DIR] [--warm] [--tag NAME] [--results DIR]
//   gemm    --threads N [--results DIR]                      GFLOP/s of the MLP's GEMM shapes and 1024²
//   report  --results DIR [--anchors DIR] [--out FILE]       one table + summary JSON from all result files
//   init-study [--seeds 16] [--first-seed 0] [--variants a,b] FMNIST-MLP accuracy per seed under standard initialisations
var options = Options.Parse(args);
return options.Command switch
{
    "fmnist" => FmnistWorkload.Run(options),
    "cnn" => CnnWorkload.Run(options),
    "cnn-profile" => CnnWorkload.Profile(options),
    "spiral" => SpiralWorkload.Run(options),
    "gemm" => GemmWorkload.Run(options),
    "report" => Report.Run(options),
    "init-study" => InitializerStudy.Run(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: NNTrainer.Bench.Runner fmnist|cnn|cnn-profile|spiral|gemm|report|init-study [--threads N] [--epochs E] [--results DIR] ...");
    return 2;
}
