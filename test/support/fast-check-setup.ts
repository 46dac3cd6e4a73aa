import fc from "fast-check";

// Property tests explore new random inputs on every developer run. In CI the seed is fixed,
// so a submission is judged on the same inputs each time; a failure found locally prints
// its seed, and the case is then pinned as an example test.
if (process.env.CI) fc.configureGlobal({ seed: 20_261_126 });
