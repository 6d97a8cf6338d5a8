/** The body ended cleanly but the model had not finished: a relay closed the stream early. */
export class StreamEndedEarlyError extends Error {
  constructor() {
    super('The stream ended before the model finished');
    this.name = 'StreamEndedEarlyError';
  }
}
