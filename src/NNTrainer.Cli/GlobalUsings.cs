// Namespaces most of the tool's files use (ML.NET, the command line, and the tool's own data, model, evaluation, output
// and trainer folders): imported once here instead of in each file's header.
global using System.CommandLine;
global using System.Globalization;
global using Microsoft.ML;
global using Microsoft.ML.Data;
global using NNTrainer.Cli.Data;
global using NNTrainer.Cli.Evaluation;
global using NNTrainer.Cli.Models;
global using NNTrainer.Cli.Output;
global using NNTrainer.Cli.Trainers;
