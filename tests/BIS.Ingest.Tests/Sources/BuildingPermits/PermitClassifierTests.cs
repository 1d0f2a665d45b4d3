using BIS.Domain.Sources;

namespace BIS.Ingest.Tests.Sources.BuildingPermits;

public class PermitClassifierTests
{
    [Theory]
    [InlineData("INTDEM", null, PermitWorkKind.Demolition)]
    [InlineData("EXTDEM", "anything", PermitWorkKind.Demolition)]
    [InlineData("RAZE", null, PermitWorkKind.Demolition)]
    [InlineData("SPRNK", null, PermitWorkKind.SprinklerWork)]
    [InlineData("sprink", null, PermitWorkKind.SprinklerWork)]
    [InlineData("FA", null, PermitWorkKind.AlarmWork)]
    [InlineData("FIREALARM", null, PermitWorkKind.AlarmWork)]
    [InlineData("COO", null, PermitWorkKind.ChangeOfOccupancy)]
    [InlineData("CHGOCC", null, PermitWorkKind.ChangeOfOccupancy)]
    [InlineData("NEWCON", null, PermitWorkKind.Construction)]
    [InlineData("ERECT", null, PermitWorkKind.Construction)]
    [InlineData("INTEXT", null, PermitWorkKind.Construction)]
    [InlineData("EXTREN", null, PermitWorkKind.Construction)]
    [InlineData("INTREN", null, PermitWorkKind.Construction)]
    [InlineData("ELEC", "Replace panel", PermitWorkKind.Other)]
    [InlineData(null, null, PermitWorkKind.Other)]
    [InlineData("OTHER", "Demolition of rear porch", PermitWorkKind.Demolition)]
    [InlineData("INTREN", "raze existing garage and erect new", PermitWorkKind.Demolition)]
    [InlineData(null, "Change Occupancy 2 family to 3 Extend living space", PermitWorkKind.ChangeOfOccupancy)]
    [InlineData(null, "change Occupancy from 2 family to 3 all new sprinkler", PermitWorkKind.ChangeOfOccupancy)]
    [InlineData(null, "Change of use from retail to restaurant", PermitWorkKind.ChangeOfOccupancy)]
    [InlineData(null, "Convert existing two family to 3 family", PermitWorkKind.ChangeOfOccupancy)]
    [InlineData(null, "Install new sprinkler system throughout", PermitWorkKind.SprinklerWork)]
    [InlineData(null, "Upgrade fire alarm panel", PermitWorkKind.AlarmWork)]
    [InlineData(null, "Building new 2 family duplex home", PermitWorkKind.Construction)]
    [InlineData(null, "Renovation of existing kitchen", PermitWorkKind.Construction)]
    [InlineData(null, "Maintain existing sign", PermitWorkKind.Other)]
    public void Classifies_work(string? workType, string? description, PermitWorkKind expected)
    {
        Assert.Equal(expected, PermitClassifier.Classify(workType, description));
    }

    [Fact]
    public void Reads_every_text_given()
    {
        Assert.Equal(PermitWorkKind.SprinklerWork, PermitClassifier.Classify("OTHER", "Plumbing", null, "also relocate sprinkler heads"));
    }
}
