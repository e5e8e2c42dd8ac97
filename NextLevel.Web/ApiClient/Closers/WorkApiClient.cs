namespace NextLevel.Web.ApiClient.Closers;

public interface IWorkApi
{
    Task<IReadOnlyList<LeadTask>> TasksAsync(TaskFilter filter, CancellationToken cancellationToken);
    /// <summary>400 when a call-back would fall outside the callee's legal calling window (the message names the next allowed time).</summary>
    Task<LeadTask> AddTaskAsync(string leadId, NewTask task, CancellationToken cancellationToken);
    Task<LeadTask> UpdateTaskAsync(string taskId, TaskPatch patch, CancellationToken cancellationToken);
    /// <summary>409 when the closer already has a visit overlapping this one.</summary>
    Task<Appointment> BookVisitAsync(string leadId, NewAppointment visit, CancellationToken cancellationToken);
    /// <summary>closerId: "me", a user id, or null for everyone the caller may see.</summary>
    Task<IReadOnlyList<Appointment>> AppointmentsAsync(string? closerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
    Task<Appointment> UpdateAppointmentAsync(string id, AppointmentPatch patch, CancellationToken cancellationToken);
    Task<CalendarFeed> CalendarFeedAsync(CancellationToken cancellationToken);
    Task<CalendarFeed> RotateCalendarFeedAsync(CancellationToken cancellationToken);
    Task<MyDay> MyDayAsync(CancellationToken cancellationToken);
}

/// <summary>Tasks, site visits and the closer's day: /api/tasks, /api/leads/{id}/tasks|appointments, /api/appointments, /api/me.</summary>
public sealed class WorkApiClient(ApiConnection api) : IWorkApi
{
    private static string Id(string id) => Uri.EscapeDataString(id);

    public Task<IReadOnlyList<LeadTask>> TasksAsync(TaskFilter filter, CancellationToken cancellationToken) =>
        api.GetAsync<IReadOnlyList<LeadTask>>("/api/tasks" + filter.ToQuery(), cancellationToken);

    public Task<LeadTask> AddTaskAsync(string leadId, NewTask task, CancellationToken cancellationToken) =>
        api.SendAsync<LeadTask>(HttpMethod.Post, $"/api/leads/{Id(leadId)}/tasks", task, cancellationToken);

    public Task<LeadTask> UpdateTaskAsync(string taskId, TaskPatch patch, CancellationToken cancellationToken) =>
        api.SendAsync<LeadTask>(HttpMethod.Patch, $"/api/tasks/{Id(taskId)}", patch, cancellationToken);

    public Task<Appointment> BookVisitAsync(string leadId, NewAppointment visit, CancellationToken cancellationToken) =>
        api.SendAsync<Appointment>(HttpMethod.Post, $"/api/leads/{Id(leadId)}/appointments", visit, cancellationToken);

    public Task<IReadOnlyList<Appointment>> AppointmentsAsync(string? closerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        api.GetAsync<IReadOnlyList<Appointment>>("/api/appointments" + new QueryString().Add("closerId", closerId).Add("from", from).Add("to", to), cancellationToken);

    public Task<Appointment> UpdateAppointmentAsync(string id, AppointmentPatch patch, CancellationToken cancellationToken) =>
        api.SendAsync<Appointment>(HttpMethod.Patch, $"/api/appointments/{Id(id)}", patch, cancellationToken);

    public Task<CalendarFeed> CalendarFeedAsync(CancellationToken cancellationToken) =>
        api.GetAsync<CalendarFeed>("/api/me/calendar-feed", cancellationToken);

    public Task<CalendarFeed> RotateCalendarFeedAsync(CancellationToken cancellationToken) =>
        api.SendAsync<CalendarFeed>(HttpMethod.Post, "/api/me/calendar-feed/rotate", null, cancellationToken);

    public Task<MyDay> MyDayAsync(CancellationToken cancellationToken) =>
        api.GetAsync<MyDay>("/api/me/day", cancellationToken);
}
