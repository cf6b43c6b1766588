namespace RagGate.Engine.Indexing;

/// <summary>
/// Keeps the best k (row, score) pairs in a bounded min-heap whose root is the worst kept pair.
/// Higher scores are better; on equal scores the lower row wins, so results are deterministic.
/// </summary>
internal sealed class TopKHeap
{
    private readonly SearchHit[] _items;
    private int _count;

    public TopKHeap(int k) => _items = new SearchHit[k];

    public int Count => _count;

    public void Offer(int row, double score)
    {
        var hit = new SearchHit(row, score);
        if (_count < _items.Length)
        {
            _items[_count] = hit;
            SiftUp(_count++);
        }
        else if (_items.Length > 0 && IsWorse(_items[0], hit))
        {
            _items[0] = hit;
            SiftDown(0);
        }
    }

    /// <summary>True when a new pair with this score could enter the heap (a cheap pre-check).</summary>
    public bool Accepts(double score) => _count < _items.Length || (_items.Length > 0 && score >= _items[0].Score);

    public void AddTo(TopKHeap other)
    {
        for (var i = 0; i < _count; i++)
        {
            other.Offer(_items[i].Row, _items[i].Score);
        }
    }

    /// <summary>The kept pairs, best first.</summary>
    public SearchHit[] ToSortedArray()
    {
        var result = _items.AsSpan(0, _count).ToArray();
        Array.Sort(result, static (a, b) => IsWorse(a, b) ? 1 : IsWorse(b, a) ? -1 : 0);
        return result;
    }

    private static bool IsWorse(SearchHit a, SearchHit b) =>
        a.Score < b.Score || (a.Score == b.Score && a.Row > b.Row);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!IsWorse(_items[i], _items[parent]))
            {
                return;
            }

            (_items[i], _items[parent]) = (_items[parent], _items[i]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var worst = i;
            var left = (2 * i) + 1;
            var right = left + 1;
            if (left < _count && IsWorse(_items[left], _items[worst])) worst = left;
            if (right < _count && IsWorse(_items[right], _items[worst])) worst = right;
            if (worst == i)
            {
                return;
            }

            (_items[i], _items[worst]) = (_items[worst], _items[i]);
            i = worst;
        }
    }
}
