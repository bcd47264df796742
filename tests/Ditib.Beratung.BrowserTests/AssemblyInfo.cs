// One browser test at a time (also in xunit.runner.json): on a shared 2-core machine, two Chromiums and two Kestrels
// competing make every wait slower. The race test opens its two browsers on purpose, inside one test.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
