namespace NextLevel.Worker.Services.FollowUp;

/// <summary>
/// Group commit: requests submitted while a previous group is being written go out together in the next group, so
/// the steps of a batch, which reach the same write at about the same moment, share one round trip instead of one
/// each. Nothing waits for a group to fill: the first request is written at once, and whatever queued meanwhile goes
/// next. <paramref name="write"/> completes every request of the group (with a result or an exception).
/// [Singleton - ThreadSafe]
/// </summary>
public sealed class GroupCommit<TRequest, TResult>(Func<IReadOnlyList<GroupCommit<TRequest, TResult>.Pending>, Task> write)
{
    private readonly Lock _gate = new();
    private List<Pending> _queued = [];
    private bool _writing;

    /// <summary>A queued request and the completion its caller awaits.</summary>
    public sealed class Pending(TRequest request)
    {
        private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TRequest Request { get; } = request;

        public Task<TResult> Task => _completion.Task;

        public void Complete(TResult result) => _completion.TrySetResult(result);

        public void Fail(Exception exception) => _completion.TrySetException(exception);
    }

    public Task<TResult> SubmitAsync(TRequest request, CancellationToken cancellationToken)
    {
        var pending = new Pending(request);
        bool lead;
        lock (_gate)
        {
            _queued.Add(pending);
            lead = !_writing;
            _writing = true;
        }
        if (lead) _ = Task.Run(WriteQueuedAsync, CancellationToken.None);
        return pending.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            List<Pending> group;
            lock (_gate)
            {
                if (_queued.Count == 0)
                {
                    _writing = false;
                    return;
                }
                group = _queued;
                _queued = [];
            }
            try
            {
                await write(group);
            }
            catch (Exception ex)
            {
                foreach (var pending in group) pending.Fail(ex);
            }
            // A request the writer forgot must not hang its caller.
            foreach (var pending in group) pending.Fail(new InvalidOperationException("The group write did not complete this request."));
        }
    }
}
