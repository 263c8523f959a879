using System.Reflection;
using Microsoft.ML.Runtime;

namespace NNTrainer.ML;

/// <summary>
/// Recovers the <c>MLContext</c>'s environment from a trainers catalog, so that a trainer created from
/// <c>mlContext.X.Trainers</c> logs to <c>mlContext.Log</c> and draws its seed from the context's seed, as stock
/// trainers do.
/// </summary>
/// <remarks>
/// ML.NET keeps this link behind an internal interface (<c>IInternalCatalog.Environment</c>, read by its own
/// internal <c>CatalogUtils.GetEnvironment</c>), so it is read here by reflection, once per catalog. If a future
/// ML.NET hides it differently, trainers fall back to a fresh environment: they still train, without the context's
/// log and seed.
/// </remarks>
internal static class CatalogEnvironment
{
    private static readonly PropertyInfo? EnvironmentProperty =
        typeof(TrainCatalogBase).Assembly.GetType("Microsoft.ML.Data.IInternalCatalog")?.GetProperty("Environment");

    public static IHostEnvironment Get(object catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        try
        {
            if (EnvironmentProperty?.GetValue(catalog) is IHostEnvironment environment) return environment;
        }
        catch (TargetInvocationException)
        {
        }
        catch (TargetException)
        {
        }
        return new MLContext();
    }
}
