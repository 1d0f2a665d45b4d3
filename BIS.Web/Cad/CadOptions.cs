using System.ComponentModel.DataAnnotations;

namespace BIS.Web.Cad;

/// <summary>Limits of the CAD API (section <c>Cad</c>), validated at start.</summary>
public sealed class CadOptions
{
    public const string Section = "Cad";

    /// <summary>Requests one CAD key may make per minute (a fixed window per key and web node); the next gets 429. The default, 50 a second, is above a busy city CAD (the push benchmark sends 10 incidents a second).</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 3_000;

    /// <summary>The largest request body taken; a larger one is refused with 413 before it is read.</summary>
    [Range(1_024, 1_048_576)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
