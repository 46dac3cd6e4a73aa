/** The one error type services throw; the app's error handler turns it into the JSON error body. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly field?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const unauthenticated = () =>
  new AppError("unauthenticated", 401, "Please sign in to continue.");
export const forbidden = (message = "You do not have access to this.") =>
  new AppError("forbidden", 403, message);
export const notFound = (what = "That") => new AppError("not_found", 404, `${what} was not found.`);

/** Staff before their second factor, or anyone partly signed in (security/second-factor.ts). */
export const secondFactorRequired = () =>
  new AppError(
    "second_factor_required",
    403,
    "Add or enter your second factor (a passkey or an authenticator app code) before you can see this.",
  );
