// Errors carry the API's body shape: {message} always, plus errors{} on 422.
export class HttpError extends Error {
  constructor(status, message, { errors, headers, extra } = {}) {
    super(message);
    this.status = status;
    this.errors = errors;
    this.headers = headers;
    this.extra = extra;
  }
  body() {
    const b = { message: this.message };
    if (this.errors) b.errors = this.errors;
    if (this.extra) Object.assign(b, this.extra);
    return b;
  }
}

export const unauthenticated = () => new HttpError(401, 'Unauthenticated.');
export const forbidden = (message = 'This action is unauthorized.') => new HttpError(403, message);
export const notFound = (message = 'Not found.') => new HttpError(404, message);

// Laravel's summary line: the first message, then "(and N more error[s])".
export function validationError(errors) {
  const all = Object.values(errors).flat();
  const rest = all.length - 1;
  const suffix = rest > 0 ? ` (and ${rest} more ${rest === 1 ? 'error' : 'errors'})` : '';
  return new HttpError(422, all[0] + suffix, { errors });
}

// A single-field 422, for the controller-level checks that are not form rules.
export const unprocessable = (field, message) =>
  field ? validationError({ [field]: [message] }) : new HttpError(422, message);
