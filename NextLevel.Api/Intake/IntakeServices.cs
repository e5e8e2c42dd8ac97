using Microsoft.Extensions.Options;
using NextLevel.Api.Intake.Import;
using NextLevel.Api.Intake.Pipeline;

namespace NextLevel.Api.Intake;

/// <summary>What intake handlers need, bundled for <c>[AsParameters]</c>.</summary>
internal sealed class IntakeServices(
    LeadIntakeService intake,
    LeadUpdateService updates,
    LeadImportUpload imports,
    LeadImportRegistry registry,
    LeadImportStore importStore,
    IOptions<IntakeOptions> options,
    TimeProvider time,
    ILogger<IntakeServices> logger)
{
    public LeadIntakeService Intake { get; } = intake;

    public LeadUpdateService Updates { get; } = updates;

    public LeadImportUpload Imports { get; } = imports;

    public LeadImportRegistry Registry { get; } = registry;

    public LeadImportStore ImportStore { get; } = importStore;

    public IOptions<IntakeOptions> Options { get; } = options;

    public TimeProvider Time { get; } = time;

    public ILogger<IntakeServices> Logger { get; } = logger;

    public IntakeOptions Settings => Options.Value;

    public DateTime Now => Time.GetUtcNow().UtcDateTime;
}
