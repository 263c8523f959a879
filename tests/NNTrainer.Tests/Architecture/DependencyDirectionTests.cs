using System.Reflection;
using System.Runtime.CompilerServices;
using NetArchTest.Rules;

namespace NNTrainer.Tests.Architecture;

/// <summary>
/// The engine's namespaces follow its folders and depend one way: tensors (and the model format's bytes, and the random
/// source) at the bottom, then layers, activations, then losses, optimizers and metrics, then the serializer, then
/// training, with the book's ready-made architectures in the root namespace on top. NNTrainer.ML, .Onnx, .Cli and
/// .FSharp sit above all of it (they are other assemblies, which the engine cannot reference).
/// </summary>
public class DependencyDirectionTests
{
    private static readonly Assembly Engine = typeof(Network).Assembly;

    private static readonly string[] Bottom = ["NNTrainer.Tensors", "NNTrainer.Persistence", "NNTrainer.Initialization"];
    private static readonly string[] WithLayers = [.. Bottom, "NNTrainer.Layers", "NNTrainer.Activations"];
    private static readonly string[] WithTraining = [.. WithLayers, "NNTrainer.Losses", "NNTrainer.Optimizers", "NNTrainer.Metrics"];

    /// <summary>Each engine namespace and the engine namespaces it may use (besides its own).</summary>
    public static TheoryData<string, string[]> Allowed() => new()
    {
        { "NNTrainer.Tensors", [] },
        { "NNTrainer.Persistence", [] },
        { "NNTrainer.Initialization", ["NNTrainer.Tensors"] },
        { "NNTrainer.Data", Bottom },
        { "NNTrainer.Layers", Bottom },
        { "NNTrainer.Activations", [.. Bottom, "NNTrainer.Layers"] },
        { "NNTrainer.Losses", WithLayers },
        { "NNTrainer.Metrics", WithLayers },
        { "NNTrainer.Optimizers", WithLayers },
        { "NNTrainer.Serialization", WithTraining },
        { "NNTrainer.Training", [.. WithTraining, "NNTrainer.Serialization"] },
    };

    private static readonly string[] EngineNamespaces =
    [
        "NNTrainer.Tensors", "NNTrainer.Persistence", "NNTrainer.Initialization", "NNTrainer.Data", "NNTrainer.Layers",
        "NNTrainer.Activations", "NNTrainer.Losses", "NNTrainer.Metrics", "NNTrainer.Optimizers", "NNTrainer.Serialization",
        "NNTrainer.Training",
    ];

    [Theory]
    [MemberData(nameof(Allowed))]
    public void A_namespace_uses_only_the_namespaces_below_it(string name, string[] allowed)
    {
        var forbidden = EngineNamespaces.Where(n => n != name && !allowed.Contains(n)).Append("NNTrainer.Architectures").ToArray();
        Assert.NotEmpty(Types.InAssembly(Engine).That().ResideInNamespace(name).GetTypes());

        var result = Types.InAssembly(Engine).That().ResideInNamespace(name).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful,
            $"{name} may use {(allowed.Length == 0 ? "no other engine namespace" : string.Join(", ", allowed))}, but these of its types use another: " +
            string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Every_engine_type_lives_in_a_namespace_of_its_folder_or_is_an_architecture()
    {
        var stray = Engine.GetTypes()
            .Where(t => t.Namespace is { } ns && !ns.StartsWith("System", StringComparison.Ordinal) && !ns.StartsWith("Microsoft", StringComparison.Ordinal) && !t.Name.StartsWith('<'))
            .Where(t => t.Namespace != "NNTrainer" ? !EngineNamespaces.Any(n => t.Namespace == n || t.Namespace!.StartsWith(n + ".", StringComparison.Ordinal))
                : t.DeclaringType is null && t.Name != "Architectures")
            .Select(t => t.FullName).ToArray();
        Assert.Empty(stray);
    }

    [Fact]
    public void The_engine_opens_its_internals_to_tests_and_benchmarks_only()
    {
        var friends = Engine.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToArray();
        Assert.NotEmpty(friends);
        Assert.All(friends, name => Assert.True(name.EndsWith(".Tests", StringComparison.Ordinal) || name.EndsWith(".Benchmarks", StringComparison.Ordinal),
            $"{name} is a production assembly: it must use the engine's public API, not its internals."));
    }
}
