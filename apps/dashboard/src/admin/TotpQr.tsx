import qrcode from 'qrcode-generator';
import { A } from './admin-strings';

const QUIET = 4;

/** The modules of a QR code as one SVG path (drawn by React: no HTML string, nothing for CSP to refuse). */
export function qrPath(text: string): { size: number; d: string } {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const parts: string[] = [];
  for (let r = 0; r < n; r += 1)
    for (let c = 0; c < n; c += 1) if (qr.isDark(r, c)) parts.push(`M${c} ${r}h1v1h-1z`);
  return { size: n, d: parts.join('') };
}

/** The otpauth:// URI as a QR code an authenticator app scans. */
export function TotpQr({ uri, label }: { readonly uri: string; readonly label: string }) {
  const { size, d } = qrPath(uri);
  const box = size + QUIET * 2;
  return (
    <svg
      viewBox={`${-QUIET} ${-QUIET} ${box} ${box}`}
      width={220}
      height={220}
      role="img"
      aria-label={label}
      data-testid="totp-qr"
      shapeRendering="crispEdges"
    >
      <rect x={-QUIET} y={-QUIET} width={box} height={box} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}

/** What an enrolment shows (sign-in step and the account page alike): QR code, secret, URI. */
export function TotpEnrolmentDetails({
  enrolment,
}: {
  readonly enrolment: { readonly otpauthUri: string; readonly secret: string };
}) {
  return (
    <dl className="login__enrolment">
      <dt>{A.qr}</dt>
      <dd>
        <TotpQr uri={enrolment.otpauthUri} label={A.qr} />
      </dd>
      <dt>{A.secret}</dt>
      <dd data-testid="totp-secret">{enrolment.secret}</dd>
      <dt>{A.uri}</dt>
      <dd>
        <a href={enrolment.otpauthUri}>{enrolment.otpauthUri}</a>
      </dd>
    </dl>
  );
}
