// Tells every listener, each on its own: one that throws does not stop the others, and its error
// is rethrown on a microtask so it still reaches the page's error reporting.
export function notifyListeners(listeners, value) {
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch (e) {
      queueMicrotask(() => {
        throw e;
      });
    }
  }
}
