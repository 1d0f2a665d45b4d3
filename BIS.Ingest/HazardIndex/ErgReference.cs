using System.Reflection;
using BIS.Domain.Hazards.Erg;
using Sylvan.Data.Csv;

namespace BIS.Ingest.HazardIndex;

/// <summary>Loads the Emergency Response Guidebook tables shipped with BIS (BIS.Ingest/Reference).</summary>
public static class ErgReference
{
    public static ErgGuideIndex Load()
    {
        var entries = new List<ErgEntry>();
        using (var reader = Open("erg_un_to_guide.csv"))
        {
            while (reader.Read())
            {
                entries.Add(ErgEntry.FromFields(
                    reader.GetString(reader.GetOrdinal("un_na_id")),
                    reader.GetString(reader.GetOrdinal("guide")),
                    reader.GetString(reader.GetOrdinal("guide_number")),
                    reader.GetString(reader.GetOrdinal("polymerization_P")),
                    reader.GetString(reader.GetOrdinal("tih_green_listed")),
                    reader.GetString(reader.GetOrdinal("material_name"))));
            }
        }

        var isolations = new List<ErgIsolation>();
        using (var reader = Open("erg_table1_tih_distances.csv"))
        {
            string? Field(string name) => reader.GetString(reader.GetOrdinal(name)) is { Length: > 0 } value ? value : null;
            while (reader.Read())
            {
                if (UnNumber.Normalize(Field("un_na_id")) is not { } un)
                {
                    continue;
                }

                isolations.Add(new ErgIsolation
                {
                    UnNumber = un,
                    Guide = Field("guide"),
                    MaterialName = Field("material_name"),
                    SmallIsolation = Field("small_isolation"),
                    SmallProtectDay = Field("small_protect_day"),
                    SmallProtectNight = Field("small_protect_night"),
                    LargeIsolation = Field("large_isolation"),
                    LargeProtectDay = Field("large_protect_day"),
                    LargeProtectNight = Field("large_protect_night"),
                    Note = Field("note"),
                });
            }
        }

        return new ErgGuideIndex(entries, isolations);
    }

    private static CsvDataReader Open(string file)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("BIS.Reference." + file)
            ?? throw new InvalidOperationException($"Reference table {file} is not embedded in BIS.Ingest.");
        return CsvDataReader.Create(new StreamReader(stream), new CsvDataReaderOptions { HeaderComparer = StringComparer.OrdinalIgnoreCase });
    }
}
