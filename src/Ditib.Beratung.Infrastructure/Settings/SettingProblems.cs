using Microsoft.Extensions.Options;

namespace Ditib.Beratung.Infrastructure.Settings;

/// <summary>
/// Collects what is wrong with one configuration section, each problem naming its full key (so that an operator can
/// find it) and never the value of a secret. Used by the options validators; the start stops with all of them.
/// </summary>
public sealed class SettingProblems(string section)
{
    private readonly List<string> problems = [];

    public string Key(string name) => $"{section}:{name}";

    public SettingProblems Range(string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            problems.Add($"{Key(name)} must be between {min} and {max}; it is {value}.");
        }

        return this;
    }

    /// <summary>Adds <paramref name="problem"/> (a whole sentence that names the key) when <paramref name="valid"/> is false.</summary>
    public SettingProblems Require(bool valid, string problem)
    {
        if (!valid)
        {
            problems.Add(problem);
        }

        return this;
    }

    /// <summary>Adds a problem found elsewhere (a whole sentence that names the key), if any.</summary>
    public SettingProblems Add(string? problem)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }

        return this;
    }

    public ValidateOptionsResult Result => problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
}
