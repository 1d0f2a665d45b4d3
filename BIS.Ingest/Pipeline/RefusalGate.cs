namespace BIS.Ingest.Pipeline;

/// <summary>
/// A gate that refuses a run on judgment rather than on damage: the input reads fine but would lose too
/// much. A steward who knows better (a district really was re-zoned away, a permit class really ended) can
/// apply such a run on purpose (<see cref="RunAcceptance"/>). Damage — a missing column, a file cut short,
/// a file still being written — cannot be accepted: the fix is a good file.
/// </summary>
public enum RefusalGate
{
    /// <summary>Accepted rows fell by more than <c>MaxRowDropShare</c> against the last good run.</summary>
    RowCount,

    /// <summary>The run would delete more than <c>MaxDeleteShare</c> of the feed's live records.</summary>
    Deletion,
}

public static class RefusalGateNames
{
    public static string ToDb(this RefusalGate gate) => gate switch
    {
        RefusalGate.RowCount => "row-count",
        RefusalGate.Deletion => "deletion",
        _ => throw new ArgumentOutOfRangeException(nameof(gate)),
    };

    public static RefusalGate? FromDb(string? value) => value switch
    {
        "row-count" => RefusalGate.RowCount,
        "deletion" => RefusalGate.Deletion,
        _ => null,
    };
}
