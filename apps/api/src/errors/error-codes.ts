/** Every error code the API answers with, its HTTP status and its title. One taxonomy for all routes. */
export const errorCodes = {
  validation_failed: { status: 400, title: 'The request is invalid.' },
  bad_request: { status: 400, title: 'The request could not be read.' },
  unauthenticated: { status: 401, title: 'Authentication is required.' },
  invalid_credentials: { status: 401, title: 'The email or password is incorrect.' },
  forbidden: { status: 403, title: 'This action is not allowed.' },
  not_found: { status: 404, title: 'Not found.' },
  method_not_allowed: { status: 405, title: 'This method is not allowed here.' },
  conflict: { status: 409, title: 'The request conflicts with the current state.' },
  precondition_failed: { status: 412, title: 'The resource has changed since you last read it.' },
  payload_too_large: { status: 413, title: 'The request body is too large.' },
  unsupported_media_type: { status: 415, title: 'This content type is not supported.' },
  range_not_satisfiable: { status: 416, title: 'The requested range is not satisfiable.' },
  unprocessable: { status: 422, title: 'The request breaks a rule.' },
  rate_limited: { status: 429, title: 'Too many requests; try again later.' },
  internal: { status: 500, title: 'Something went wrong on our side.' },
  service_unavailable: { status: 503, title: 'The service is temporarily unavailable; try again shortly.' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCodes;
