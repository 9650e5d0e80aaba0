import { type ErrorCode, errorCodes } from './error-codes';

export interface FieldError {
  path: string;
  message: string;
}

/** An expected failure, answered as problem+json with its code's status. */
export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly options: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? errorCodes[code].title);
    this.status = errorCodes[code].status;
  }
}
