using BIS.TestSupport;

namespace BIS.Web.Tests.Resilience;

/// <summary>
/// BIS.Web on a database in a cluster of its own (<see cref="PrivateCluster"/>), so a test may restart or
/// stop PostgreSQL under the running app without touching the shared cluster other test classes use.
/// </summary>
public sealed class PrivateClusterWebFactory : BisWebFactory
{
    public PrivateClusterWebFactory()
        : this(new PrivateCluster())
    {
    }

    private PrivateClusterWebFactory(PrivateCluster cluster)
        : base(new TestDatabase(cluster.AdminConnectionString))
    {
        Cluster = cluster;
    }

    public PrivateCluster Cluster { get; }

    public override async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
