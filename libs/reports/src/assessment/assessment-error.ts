/** Why an assessment cannot be made; the API maps QUARTER_INVALID to 400 and QUARTER_NOT_STARTED to 422. */
export type AssessmentErrorCode = 'QUARTER_INVALID' | 'QUARTER_NOT_STARTED';

/** An assessment that cannot be made, with its code. */
export class AssessmentError extends Error {
  constructor(
    readonly code: AssessmentErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AssessmentError';
  }
}
