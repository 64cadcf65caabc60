'use strict';
// cdktf captures a full, unbounded stack trace for every token it creates (each `resource.id`
// reference), only to print it if that token later fails to resolve. Profiling the whitespace
// example showed this is ~70% of the time spent building a stack (see BENCHMARKS.md). Like
// `new App({ stackTraces: false })` does for construct metadata, the synth entry points skip it;
// set CDKTF_TOKEN_STACK_TRACES=1 to get the traces back when debugging an unresolvable token.
// A missing module (another cdktf build, e.g. CDK Terrain) leaves everything as it is.
if (!process.env.CDKTF_TOKEN_STACK_TRACES) {
  try {
    require('cdktf/lib/tokens/private/stack-trace').captureStackTrace = () => [];
  } catch {
    // not this cdktf layout: keep its default
  }
}
