namespace MovieTrends.Tests.Hostile;

/// <summary>Theory rows for named hostile cases, each sent through every one of <see cref="HostileProbe.Targets"/>.</summary>
public static class HostileCases
{
    public static TheoryData<string, string> Across(IEnumerable<string> names)
    {
        var data = new TheoryData<string, string>();
        foreach (var target in HostileProbe.Targets)
        {
            foreach (var name in names)
            {
                data.Add(target, name);
            }
        }

        return data;
    }
}
