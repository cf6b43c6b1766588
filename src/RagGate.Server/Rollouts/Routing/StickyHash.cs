using System.Text;

namespace RagGate.Server.Rollouts.Routing;

/// <summary>
/// Maps a user key to one of 10,000 buckets with a well-mixed 64-bit hash (FNV-1a over UTF-8, then
/// MurmurHash3's finalizer), stable across processes and restarts, unlike <see cref="string.GetHashCode()"/>.
/// </summary>
public static class StickyHash
{
    /// <summary>Buckets: a weight is resolved to a hundredth of a percent.</summary>
    public const int Buckets = 10_000;

    /// <summary>The bucket of <paramref name="key"/>, in [0, <see cref="Buckets"/>).</summary>
    public static int Bucket(string key)
    {
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetMaxByteCount(key.Length) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(key, buffer)] : Encoding.UTF8.GetBytes(key);
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        // FNV alone leaves sequential keys (user-1, user-2...) in neighbouring buckets; the finalizer spreads them.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return (int)(hash % Buckets);
    }
}
