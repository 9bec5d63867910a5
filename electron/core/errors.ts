import type { ErrorCode } from '../../shared/contract'

/**
 * An error the user may see. Its message is an i18n key or a plain sentence without paths or patient
 * data; anything else thrown inside the core is reported as `internal` with a generic message.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const notFound = (what: string) => new AppError('not_found', `error.notFound.${what}`)
