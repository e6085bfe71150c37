namespace AzureRules.Sdk.Engine;

/// <summary>
/// Items in time order (equal times keep arrival order) from which the oldest are dropped as the
/// stream moves on: what a runner keeps of the events its later executions may still look back on.
/// Events arrive nearly in order, so an insertion searches back from the end; dropping moves a head
/// index and compacts now and then, so memory follows what is kept, not what was read.
/// </summary>
internal sealed class TimeWindowBuffer<T>
{
    private (DateTimeOffset Time, T Item)[] _items = new (DateTimeOffset, T)[16];
    private int _head;
    private int _end;

    public int Count => _end - _head;

    /// <summary>How many items were ever added: unchanged, it says no item came in between.</summary>
    public long Added { get; private set; }

    /// <summary>How many items were ever dropped: index <c>i</c> now is item <c>Dropped + i</c> of those kept since the last addition.</summary>
    public long Dropped { get; private set; }

    public (DateTimeOffset Time, T Item) this[int index] => _items[_head + index];

    public void Add(DateTimeOffset time, T item)
    {
        if (_end == _items.Length) Grow();
        var at = _end;
        // after every item at or before the time: a stable insertion
        while (at > _head && _items[at - 1].Time > time) at--;
        if (at < _end) Array.Copy(_items, at, _items, at + 1, _end - at);
        _items[at] = (time, item);
        _end++;
        Added++;
    }

    /// <summary>The index of the first item at or after <paramref name="time"/> (binary search).</summary>
    public int FirstAtOrAfter(DateTimeOffset time)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (this[mid].Time < time) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>The index after the last item at or before <paramref name="time"/> (binary search).</summary>
    public int EndAtOrBefore(DateTimeOffset time)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (this[mid].Time <= time) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>Drops the items before <paramref name="time"/>, each passed to <paramref name="dropped"/> first.</summary>
    public void RemoveBefore(DateTimeOffset time, Action<DateTimeOffset, T>? dropped = null)
    {
        while (_head < _end && _items[_head].Time < time)
        {
            dropped?.Invoke(_items[_head].Time, _items[_head].Item);
            _items[_head++] = default;
            Dropped++;
        }
        if (_head == _end) _head = _end = 0;
    }

    public IEnumerable<(DateTimeOffset Time, T Item)> All()
    {
        for (var i = _head; i < _end; i++) yield return _items[i];
    }

    private void Grow()
    {
        // compact first when at least half the array is dropped items; else double
        if (_head >= _items.Length / 2)
        {
            Array.Copy(_items, _head, _items, 0, _end - _head);
            Array.Clear(_items, _end - _head, _head);
            _end -= _head;
            _head = 0;
            return;
        }
        Array.Resize(ref _items, _items.Length * 2);
    }
}
