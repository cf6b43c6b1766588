namespace RagGate.Engine.Tests.Caching;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("raggate-cache-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
