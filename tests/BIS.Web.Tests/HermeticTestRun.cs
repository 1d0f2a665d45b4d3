using System.Runtime.CompilerServices;
using BIS.TestSupport;

namespace BIS.Web.Tests;

/// <summary>Runs before any test of this assembly: the shell's BIS settings must not reach the test hosts.</summary>
internal static class HermeticTestRun
{
    [ModuleInitializer]
    internal static void Start() => HermeticEnvironment.Apply();
}
