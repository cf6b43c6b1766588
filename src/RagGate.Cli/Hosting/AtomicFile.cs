namespace RagGate.Cli.Hosting;

/// <summary>Writes a file through a temporary sibling and a rename, so a failure leaves nothing half-written.</summary>
internal static class AtomicFile
{
    public static async Task WriteTextAsync(string path, Action<TextWriter> write, CancellationToken cancellationToken)
    {
        var temp = $"{path}.tmp-{Guid.NewGuid():N}";
        try
        {
            await using (var writer = new StreamWriter(temp))
            {
                write(writer);
                await writer.FlushAsync(cancellationToken);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
