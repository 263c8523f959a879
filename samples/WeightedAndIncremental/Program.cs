NNTrainer.Samples.WeightedAndIncremental.Example();
