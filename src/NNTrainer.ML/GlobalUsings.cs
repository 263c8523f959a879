// ML.NET's two namespaces nearly every file of this layer uses (IDataView, MLContext, ITransformer; the data view
// types and schemas), imported once here instead of in each file's header.
global using Microsoft.ML;
global using Microsoft.ML.Data;
