using System.ComponentModel.DataAnnotations;

namespace BIS.Ingest.Database;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Npgsql connection string of the BIS database (PostgreSQL 15 + PostGIS).</summary>
    [Required]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Apply pending migrations at start-up. On for the embedded default; off when a deploy step migrates.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
