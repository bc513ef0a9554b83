// What goes wrong in a widget, as the host page hears it: a code to branch on and a sentence the
// reader can act on (shown inside the element and sent with its `error` event).
export class WidgetError extends Error {
  constructor(code, message, details) {
    super(message);
    this.name = 'WidgetError';
    this.code = code;
    this.details = details;
  }
}
