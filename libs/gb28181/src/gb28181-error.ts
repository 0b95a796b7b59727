/** Why a SIP message, a MANSCDP body or a registration was refused; counted by code in the app's metrics. */
export type Gb28181ErrorCode =
  | 'SIP_TOO_LARGE'
  | 'SIP_BAD_START_LINE'
  | 'SIP_BAD_HEADER'
  | 'SIP_BAD_CONTENT_LENGTH'
  | 'SIP_MISSING_HEADER'
  | 'MANSCDP_BAD_CHARSET'
  | 'MANSCDP_BAD_XML'
  | 'MANSCDP_UNKNOWN_ROOT'
  | 'MANSCDP_MISSING_FIELD'
  | 'SDP_INVALID'
  | 'RTP_INVALID';

export class Gb28181Error extends Error {
  constructor(
    readonly code: Gb28181ErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'Gb28181Error';
  }
}
