using NetHub.Osc;

namespace NetHub.Hub.Transforms;

/// <summary>
/// The arguments as they move through one run of a chain. Stages read the current list and write single arguments;
/// the first write copies the list into an array this run owns, so a stage that changes nothing passes the input
/// list on untouched and a chain allocates at most that one array (a template builds its own).
/// </summary>
internal struct ArgumentWork
{
    private IReadOnlyList<OscArgument> _current;
    private OscArgument[]? _owned;

    public ArgumentWork(IReadOnlyList<OscArgument> arguments, string address, IReadOnlyDictionary<string, string> captures)
    {
        _current = arguments;
        _owned = null;
        Address = address;
        Captures = captures;
        Reason = null;
        DueAt = default;
    }

    public readonly string Address { get; }

    public readonly IReadOnlyDictionary<string, string> Captures { get; }

    /// <summary>Set by a stage that answers <see cref="StageVerdict.Drop"/>.</summary>
    public string? Reason { get; set; }

    /// <summary>Set by a stage that answers <see cref="StageVerdict.Defer"/>.</summary>
    public DateTimeOffset DueAt { get; set; }

    public readonly int Count => _current.Count;

    public readonly IReadOnlyList<OscArgument> Arguments => _current;

    public readonly OscArgument this[int index] => _owned is not null ? _owned[index] : _current[index];

    public void Set(int index, OscArgument value)
    {
        if (_owned is null)
        {
            var copy = new OscArgument[_current.Count];
            if (_current is OscArgument[] array)
            {
                // Messages have a few arguments: an element loop beats Array.Copy's call and checks.
                for (int i = 0; i < copy.Length && i < array.Length; i++)
                {
                    copy[i] = array[i];
                }
            }
            else
            {
                for (int i = 0; i < copy.Length; i++)
                {
                    copy[i] = _current[i];
                }
            }

            _owned = copy;
            _current = copy;
        }

        _owned[index] = value;
    }

    /// <summary>Replaces the whole list with an array the caller built for this run.</summary>
    public void Replace(OscArgument[] arguments)
    {
        _owned = arguments;
        _current = arguments;
    }

    public StageVerdict Drop(string reason)
    {
        Reason = reason;
        return StageVerdict.Drop;
    }
}
