// One browser test at a time: on a shared 2-core machine, two Chromiums and two Kestrels racing each other make
// waits flaky. (The race test opens its two browsers on purpose, inside one test.)
[assembly: CollectionBehavior(DisableTestParallelization = true)]
