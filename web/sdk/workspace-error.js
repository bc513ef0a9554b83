// A refusal of the workspace client, in the API's shape: the message, the HTTP status (0 when the
// server could not be reached) and {field: [messages]}. `failureClass` is what the core decided
// the failure means (failure_class.hpp): {credential_refused, key_refused, unsupported, quiet,
// outcome, conflict}.
export class WorkspaceError extends Error {
  constructor(message, { status = 0, errors = {}, failureClass = {} } = {}) {
    super(message);
    this.name = 'WorkspaceError';
    this.status = status;
    this.errors = errors; // {field: [messages]}, the API's shape
    this.failureClass = failureClass;
  }
}

// A Store answer: its value, or the WorkspaceError its {error, status, errors, failure_class?}
// names (a request refused before sending says what that means, as a failed answer does).
export function coreAnswer(text) {
  const value = JSON.parse(text);
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof value.error === 'string') {
    throw new WorkspaceError(value.error, { status: value.status ?? 0, errors: value.errors ?? {}, failureClass: value.failure_class ?? {} });
  }
  return value;
}
