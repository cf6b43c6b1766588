using System.Runtime.InteropServices;
using System.Text.Json;
using RagGate.Evaluation;

namespace RagGate.Server.Rollouts.Control;

/// <summary>
/// The journal's file, <c>journal.json</c> in the state folder: written to a temporary sibling, flushed to
/// disk, renamed over the old one and the folder flushed, so a crash at any point leaves either the old
/// journal or the new one, never a torn one.
/// </summary>
public sealed partial class JournalStore(string folder)
{
    /// <summary>The journal's file name in the state folder.</summary>
    public const string FileName = "journal.json";

    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>The state folder.</summary>
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>The journal file's path.</summary>
    public string FilePath => Path.Combine(Folder, FileName);

    /// <summary>The journal, or null when the folder has none yet.</summary>
    public RolloutJournal? Read()
    {
        if (!File.Exists(FilePath)) return null;
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(FilePath), ControlJsonContext.Default.RolloutJournal);
        }
        catch (JsonException e)
        {
            throw new InputException($"{FilePath}:{e.LineNumber + 1}: not a rollout journal ({e.Message}); expected the journal.json a controller wrote");
        }
    }

    /// <summary>The journal as the file holds it.</summary>
    public static byte[] Serialize(RolloutJournal journal) => JsonSerializer.SerializeToUtf8Bytes(journal, ControlJsonContext.Default.RolloutJournal);

    /// <summary>Writes the journal durably, replacing the previous one.</summary>
    public Task WriteAsync(RolloutJournal journal, CancellationToken cancellationToken) => WriteAsync(Serialize(journal), cancellationToken);

    /// <summary>Writes a serialized journal durably, replacing the previous one.</summary>
    public async Task WriteAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Folder);
            var temp = Path.Combine(Folder, $".{FileName}.{Guid.NewGuid():N}.tmp");
            try
            {
                await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.None))
                {
                    await stream.WriteAsync(bytes, cancellationToken);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temp, FilePath, overwrite: true);
                SyncFolder();
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    // The rename lives in the folder's entry: without flushing the folder a power cut can undo it.
    // .NET cannot open a folder as a file, so this goes to libc; elsewhere than Linux the rename is left to the OS.
    private void SyncFolder()
    {
        if (!OperatingSystem.IsLinux()) return;
        var fd = Open(Folder, 0);
        if (fd < 0) return;
        try
        {
            _ = Fsync(fd);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
