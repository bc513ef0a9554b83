// Microseconds per call of an async function: 20 warm-up calls first (they compile the WASM
// functions to optimized code and initialize WebCrypto), then as many calls as fit in `minMs`.
export async function timeIt(fn, minMs = 1000) {
  for (let i = 0; i < 20; i++) await fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    await fn();
    n++;
  }
  return ((performance.now() - start) * 1000) / n;
}
