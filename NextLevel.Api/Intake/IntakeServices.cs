using Microsoft.Extensions.Options;
using NextLevel.Api.Intake.Import;
using NextLevel.Api.Intake.Pipeline;

namespace NextLevel.Api.Intake;

/// <summary>What intake handlers need, bundled for <c>[AsParameters]</c>.</summary>
public sealed class IntakeServices(IServiceProvider services, IOptions<IntakeOptions> options, TimeProvider time, ILogger<IntakeServices> logger)
{
    internal LeadIntakeService Intake { get; } = services.GetRequiredService<LeadIntakeService>();

    internal LeadImportUpload Imports { get; } = services.GetRequiredService<LeadImportUpload>();

    internal LeadImportRegistry Registry { get; } = services.GetRequiredService<LeadImportRegistry>();

    public IntakeOptions Options { get; } = options.Value;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;

    public DateTime Now => Time.GetUtcNow().UtcDateTime;
}
