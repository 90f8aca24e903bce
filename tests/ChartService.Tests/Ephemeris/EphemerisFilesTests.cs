using ZodiaCore.ChartService.Ephemeris;
using ZodiaCore.ChartService.Time;

namespace ZodiaCore.ChartService.Tests.Ephemeris;

public sealed class EphemerisFilesTests
{
    [Fact]
    public void The_years_are_the_blocks_with_both_a_planet_and_a_moon_file_merged_where_they_touch()
    {
        // -600..-1 and 0..599 touch; 1200 has no moon file, 3000 no planet file, 2400 only asteroids: a gap up to 1800.
        using var folder = EphemerisFolder.WithEmptyFiles(
            "seplm06.se1", "semom06.se1", "sepl_00.se1", "semo_00.se1", "sepl_12.se1", "sepl_18.se1", "semo_18.se1",
            "semo_30.se1", "seas_24.se1", "seasm06.se1", "seleapsec.txt", "sepl_18.se1.orig");

        var years = EphemerisFiles.YearsCovered(folder.Path);

        Assert.True(years.FromEphemerisFiles);
        Assert.Equal([new YearSpan(-600, 599), new YearSpan(1800, 2399)], years.Spans);
        Assert.Equal("-600 to 599, 1800 to 2399", years.Description);
    }

    [Fact]
    public void A_planet_file_without_its_moon_file_covers_no_years()
    {
        using var folder = EphemerisFolder.WithEmptyFiles("sepl_12.se1", "sepl_18.se1", "semo_18.se1");

        var years = EphemerisFiles.YearsCovered(folder.Path);

        Assert.False(years.Contains(1500));
        Assert.True(years.Contains(1800));
        Assert.Equal("1800 to 2399", years.Description);
    }

    [Fact]
    public void The_swe_standard_data_package_covers_minus_5400_to_5399()
    {
        var years = EphemerisFiles.YearsCovered(EphemerisOptions.DefaultPath);

        Assert.True(years.FromEphemerisFiles);
        Assert.Equal([new YearSpan(-5400, 5399)], years.Spans);
    }

    [Fact]
    public void A_missing_folder_keeps_the_years_of_the_Moshier_fallback()
    {
        var years = EphemerisFiles.YearsCovered("/nonexistent/ephe");

        Assert.False(years.FromEphemerisFiles);
        Assert.Equal("-5400 to 5399", years.Description);
    }

    [Fact]
    public void Files_without_a_planet_and_moon_pair_keep_the_years_of_the_Moshier_fallback()
    {
        using var folder = EphemerisFolder.WithEmptyFiles("sepl_18.se1", "semo_24.se1", "seas_18.se1");

        var years = EphemerisFiles.YearsCovered(folder.Path);

        Assert.False(years.FromEphemerisFiles);
        Assert.Equal("-5400 to 5399", years.Description);
    }
}
