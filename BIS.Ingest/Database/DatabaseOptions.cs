using System.ComponentModel.DataAnnotations;

namespace BIS.Ingest.Database;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>
    /// Npgsql connection string of the BIS database (PostgreSQL 15 + PostGIS) as the app's runtime role:
    /// everything that answers a request reads and writes through it. That role may only add to and read
    /// the audit log.
    /// </summary>
    [Required]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// The role that owns the schema: migrations, feed loads (a first load drops and rebuilds indexes) and
    /// the scheduler's job store connect as it. Unset: <see cref="ConnectionString"/>, i.e. one role for
    /// everything, and then nothing keeps the app from rewriting its own audit log.
    /// </summary>
    public string? OwnerConnectionString { get; set; }

    /// <summary>Apply pending migrations at start-up. On for the embedded default; off when a deploy step migrates.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>The owner's connection string, or the runtime one when no owner is configured.</summary>
    public string OwnerOrRuntimeConnectionString =>
        string.IsNullOrWhiteSpace(OwnerConnectionString) ? ConnectionString : OwnerConnectionString;
}
