// Each end-to-end test runs a whole system (five processes); on a two-core machine they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
