using System.Net;
using Npgsql;

namespace BIS.Ingest.Database;

/// <summary>Where a connection string leads: this machine, or somewhere a network stands between.</summary>
public static class DatabaseHost
{
    /// <summary>The password infra/postgres/provision.sh gives its roles when none is chosen.</summary>
    public const string ProvisionedDefaultPassword = "bis";

    /// <summary>
    /// True when every host the connection string names is this machine: a loopback address,
    /// <c>localhost</c> or a Unix socket directory. A missing or unreadable host counts as remote, so a
    /// check built on this errs on the side of refusing.
    /// </summary>
    public static bool IsLoopback(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        string? hosts;
        try
        {
            hosts = new NpgsqlConnectionStringBuilder(connectionString).Host;
        }
        catch (ArgumentException)
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(hosts))
        {
            return false;
        }

        // Npgsql accepts a comma-separated list of hosts (failover), each optionally with its own port.
        return hosts.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).All(IsLoopbackHost);
    }

    /// <summary>The password a connection string carries, when it carries one.</summary>
    public static string? PasswordOf(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).Password;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsLoopbackHost(string host)
    {
        // A Unix socket: a directory (Npgsql's "/var/run/postgresql") or Linux's abstract namespace ("@name").
        if (host.StartsWith('/') || host.StartsWith('@'))
        {
            return true;
        }

        var name = StripPort(host);
        return string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));
    }

    private static string StripPort(string host)
    {
        if (host.StartsWith('['))
        {
            var end = host.IndexOf(']', StringComparison.Ordinal);
            return end > 0 ? host[1..end] : host;
        }

        // "127.0.0.1:5433" has one colon; a bare IPv6 address ("::1") has several and no port.
        var colon = host.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon == host.LastIndexOf(':') ? host[..colon] : host;
    }
}
