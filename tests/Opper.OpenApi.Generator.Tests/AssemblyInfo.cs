// Every test builds its own driver and compilation: fixtures run side by side.
[assembly: Parallelizable(ParallelScope.Fixtures)]
