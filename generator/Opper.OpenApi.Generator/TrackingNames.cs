namespace Opper.OpenApi.Generator;

/// <summary>Names of the pipeline's stages, for incremental-caching tests.</summary>
internal static class TrackingNames
{
    public const string Input = nameof(Input);
    public const string Parse = nameof(Parse);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Types = nameof(Types);
    public const string Clients = nameof(Clients);
    public const string Root = nameof(Root);
    public const string Runtime = nameof(Runtime);
    public const string Features = nameof(Features);
    public const string Requirements = nameof(Requirements);
}
