import { ApiError } from './api';

/** The sentence to show for a failed call. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Please try again.';
}

/** A call given up because the user moved on (or the session ended): nothing to show. */
export function isQuiet(error: unknown): boolean {
  return (
    (error instanceof DOMException && error.name === 'AbortError') ||
    (error instanceof ApiError && error.status === 401)
  );
}
