#!/bin/bash
NNTRAINER_PROTO_FOLDS=5 exec dotnet /tmp/select11/f5wt/src/NNTrainer.Cli/bin/Release/net10.0/NNTrainer.Cli.dll "$@" --select-model true
