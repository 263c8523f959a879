NNTrainer.Samples.LeNetFashionMnist.Example();
