using Microsoft.Playwright;

namespace NextLevel.AppHost.Tests.Dashboard;

/// <summary>
/// Playwright driving the machine's chromium (/usr/bin/chromium; .ci/run installs it): no browser is downloaded.
/// Screenshots go to TestResults/screenshots beside the test project (git-ignored), as test artifacts.
/// </summary>
internal static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly string ScreenshotDirectory =
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "screenshots"));

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium (.ci/run does).");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{name}.png"), FullPage = true });
    }
}
