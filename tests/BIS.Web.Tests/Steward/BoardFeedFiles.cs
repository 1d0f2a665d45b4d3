using System.Globalization;
using BIS.TestSupport;

namespace BIS.Web.Tests.Steward;

/// <summary>Feed files the board tests load: a big violations file whose run lasts long enough to be watched, and hydrants to refuse.</summary>
internal static class BoardFeedFiles
{
    /// <summary>
    /// <paramref name="rows"/> violation rows that all name three cases, each row a new version of one: every row is read
    /// and staged (seconds of reading and COPY), then all but the last of each case are superseded, so linking and
    /// merging stay small and the run ends soon after. The two mini-city cases stay, so nothing is deleted.
    /// </summary>
    public static void WriteBigViolations(MiniCity city, int rows)
    {
        var lines = new string[rows];
        for (var i = 0; i < rows; i++)
        {
            var (caseNo, number) = (i % 3) switch { 0 => ("V1", "302"), 1 => ("V2", "304"), _ => ("V3", "302") };
            lines[i] = MiniCity.ViolationRow(caseNo, "Open", string.Create(CultureInfo.InvariantCulture, $"Version {i} of the case"), number, "Sumner", "ST");
        }

        city.WriteViolations(lines);
    }

    /// <summary><paramref name="count"/> in-service hydrants along Sumner Street.</summary>
    public static void WriteHydrants(MiniCity city, int count) =>
        File.WriteAllText(city.Hydrants, "HYDRANT_ID,STATUS,FLOW_CLASS,LATITUDE,LONGITUDE\n" + string.Concat(Enumerable.Range(1, count).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"H-{i},IN SERVICE,AA,{42.36755 + i * 0.00005:F5},-71.03650\n"))));
}
