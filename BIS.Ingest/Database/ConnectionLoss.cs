using System.Net.Sockets;
using Npgsql;

namespace BIS.Ingest.Database;

/// <summary>
/// Tells a lost or refused connection — the server restarting, shutting down or not up yet — from every
/// other database error. Only these are worth trying again: a constraint, a syntax error or a statement
/// timeout would fail the same way, and a timed-out query tried again only doubles the wait.
/// </summary>
public static class ConnectionLoss
{
    public static bool Is(Exception exception) => exception switch
    {
        // 57P01/57P02: the server ended the session (fast shutdown, crash); 57P03: starting up or shutting
        // down; class 08: the connection itself failed.
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow || postgres.SqlState.StartsWith("08", StringComparison.Ordinal),
        // Npgsql wraps the socket's failure: refused while connecting, or closed under a pooled connection.
        NpgsqlException npgsql => npgsql.InnerException is IOException or SocketException,
        _ => false,
    };
}
