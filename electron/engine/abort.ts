/** The error every fill path rejects with when its AbortSignal fires. */
export function abortError(): Error {
  const error = new Error('The fill was aborted');
  error.name = 'AbortError';
  return error;
}
