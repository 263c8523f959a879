#!/bin/bash
exec dotnet /work/wt/select11/src/NNTrainer.Cli/bin/Release/net10.0/NNTrainer.Cli.dll "$@" --select-model true
