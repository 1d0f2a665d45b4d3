using System.Security.Claims;
using BIS.Web.Incidents;
using BIS.Web.Live;
using BIS.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Incidents;

/// <summary>Incidents and unit assignment against the real store, with the sample-city unit roster loaded at start.</summary>
public sealed class IncidentBookTests(BisWebFactory factory) : IClassFixture<BisWebFactory>
{
    private static readonly ClaimsPrincipal Dispatcher = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "dispatcher"), new Claim(ClaimTypes.Role, BisRoles.Dispatcher)], "test"));

    private IncidentBook Book => factory.Services.GetRequiredService<IncidentBook>();

    private Task<long> BuildingAsync(string addressKey) =>
        factory.Database.ScalarAsync<long>($"SELECT building_id FROM building WHERE address_key = '{addressKey}'");

    [Fact]
    public async Task The_roster_is_loaded_with_capabilities()
    {
        var units = await Book.UnitsAsync(CancellationToken.None);
        Assert.Contains(units, u => u.UnitId == "TL17" && u.Kind == "tower" && u.Capabilities.Contains("tower-ladder"));
        Assert.Contains(units, u => u.UnitId == "HAZ1" && u.Capabilities.Contains("hazmat-company"));
        Assert.True(units.Count >= 10);
    }

    [Fact]
    public async Task An_incident_opens_on_a_building_takes_units_and_frees_them_when_closed()
    {
        var building = await BuildingAsync("302 SUMNER ST");
        var incident = await Book.OpenAsync(building, "Structure fire", "  smoke show\0ing, 2nd floor  ", Dispatcher, CancellationToken.None);
        Assert.Equal("302 SUMNER ST, EAST BOSTON 02128", incident.Address);
        Assert.Equal("smoke showing, 2nd floor", incident.Notes);
        Assert.Equal("dispatcher", incident.OpenedBy);
        Assert.Contains(await Book.OpenIncidentsAsync(CancellationToken.None), i => i.IncidentId == incident.IncidentId);

        var assigned = await Book.AssignAsync(incident.IncidentId, ["E9", "L2"], Dispatcher, CancellationToken.None);
        Assert.Equal(["E9", "L2"], assigned.Units.Order(StringComparer.Ordinal));
        Assert.Equal(incident.IncidentId, (await Book.UnitsAsync(CancellationToken.None)).Single(u => u.UnitId == "E9").AssignedTo);

        await Book.CloseAsync(incident.IncidentId, Dispatcher, CancellationToken.None);
        Assert.DoesNotContain(await Book.OpenIncidentsAsync(CancellationToken.None), i => i.IncidentId == incident.IncidentId);
        Assert.Null((await Book.UnitsAsync(CancellationToken.None)).Single(u => u.UnitId == "E9").AssignedTo);
    }

    [Fact]
    public async Task A_unit_on_another_open_incident_or_unknown_is_refused_and_nothing_is_assigned()
    {
        var first = await Book.OpenAsync(await BuildingAsync("304 SUMNER ST"), "Fire alarm activation", null, Dispatcher, CancellationToken.None);
        var second = await Book.OpenAsync(await BuildingAsync("100 MERIDIAN ST"), "Odor of gas", null, Dispatcher, CancellationToken.None);
        await Book.AssignAsync(first.IncidentId, ["E56"], Dispatcher, CancellationToken.None);

        var refusal = await Assert.ThrowsAsync<IncidentRequestException>(() =>
            Book.AssignAsync(second.IncidentId, ["R1", "E56", "NOPE"], Dispatcher, CancellationToken.None));

        Assert.Contains($"E56 is on incident {first.IncidentId}", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("no unit 'NOPE'", refusal.Message, StringComparison.Ordinal);
        Assert.Empty((await Book.GetAsync(second.IncidentId, CancellationToken.None))!.Units);
        await Book.CloseAsync(first.IncidentId, Dispatcher, CancellationToken.None);
        await Book.CloseAsync(second.IncidentId, Dispatcher, CancellationToken.None);
    }

    [Fact]
    public async Task Two_dispatchers_sending_the_same_unit_at_once_put_it_on_one_incident_only()
    {
        var first = await Book.OpenAsync(await BuildingAsync("304 SUMNER ST"), "Rescue", null, Dispatcher, CancellationToken.None);
        var second = await Book.OpenAsync(await BuildingAsync("100 MERIDIAN ST"), "Rescue", null, Dispatcher, CancellationToken.None);
        for (var round = 0; round < 10; round++)
        {
            var outcomes = await Task.WhenAll(new[] { first, second }.Select(incident => Task.Run(async () =>
            {
                try
                {
                    await Book.AssignAsync(incident.IncidentId, ["M1"], Dispatcher, CancellationToken.None);
                    return incident.IncidentId;
                }
                catch (IncidentRequestException refusal)
                {
                    Assert.Contains("M1 is on incident", refusal.Message, StringComparison.Ordinal);
                    return 0L;
                }
            })));

            var winner = Assert.Single(outcomes, id => id != 0);
            Assert.Equal(winner, (await Book.UnitsAsync(["M1"], CancellationToken.None)).Single().AssignedTo);
            await Book.UnassignAsync(winner, ["M1"], Dispatcher, CancellationToken.None);
        }

        await Book.CloseAsync(first.IncidentId, Dispatcher, CancellationToken.None);
        await Book.CloseAsync(second.IncidentId, Dispatcher, CancellationToken.None);
    }

    [Theory]
    [InlineData("Alien landing", null, "Unknown incident type")]
    [InlineData("<script>alert(1)</script>", null, "Unknown incident type")]
    [InlineData("Structure fire", 2001, "Notes are limited")]
    public async Task Bad_requests_are_refused_plainly(string type, int? notesLength, string expected)
    {
        var building = await BuildingAsync("302 SUMNER ST");
        var refusal = await Assert.ThrowsAsync<IncidentRequestException>(() =>
            Book.OpenAsync(building, type, notesLength is { } n ? new string('x', n) : null, Dispatcher, CancellationToken.None));
        Assert.StartsWith(expected, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_incident_on_a_building_that_does_not_exist_and_none_assigned_to_a_closed_one()
    {
        await Assert.ThrowsAsync<IncidentRequestException>(() => Book.OpenAsync(999_999, "Structure fire", null, Dispatcher, CancellationToken.None));
        var incident = await Book.OpenAsync(await BuildingAsync("302 SUMNER ST"), "Medical", null, Dispatcher, CancellationToken.None);
        await Book.CloseAsync(incident.IncidentId, Dispatcher, CancellationToken.None);
        await Assert.ThrowsAsync<IncidentRequestException>(() => Book.AssignAsync(incident.IncidentId, ["E5"], Dispatcher, CancellationToken.None));
    }

    [Fact]
    public async Task Opening_an_incident_is_announced_to_every_console_through_the_database()
    {
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var live = factory.Services.GetRequiredService<LiveUpdates>();
        Func<Task> onChange = () =>
        {
            heard.TrySetResult();
            return Task.CompletedTask;
        };
        live.IncidentsChanged += onChange;
        try
        {
            // The listener connects in the background at start; a change made before it listens is never heard.
            await factory.Services.GetRequiredService<DatabaseChangeListener>().Listening.WaitAsync(TimeSpan.FromSeconds(20));
            var incident = await Book.OpenAsync(await BuildingAsync("302 SUMNER ST"), "Rescue", null, Dispatcher, CancellationToken.None);
            await heard.Task.WaitAsync(TimeSpan.FromSeconds(20));
            await Book.CloseAsync(incident.IncidentId, Dispatcher, CancellationToken.None);
        }
        finally
        {
            live.IncidentsChanged -= onChange;
        }
    }
}
