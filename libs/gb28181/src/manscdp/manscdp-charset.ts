import iconv from 'iconv-lite';
import { Gb28181Error } from '../gb28181-error';

const GB_FAMILY = /^(gb2312|gb_2312-80|gbk|gb18030|cp936|euc-cn)$/i;
const UTF8 = /^utf-?8$/i;

/** The `encoding="..."` of the XML prolog, read from the raw bytes (ASCII in every charset we accept). */
export function declaredCharset(body: Buffer): string | undefined {
  const head = body.subarray(0, 200).toString('latin1');
  return /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})["']/i.exec(head)?.[1];
}

/**
 * Text of a MANSCDP body by its declared charset. GB2312/GBK are decoded as GB18030 (their superset:
 * rare name characters such as 萳 are outside GB2312). No prolog: strict UTF-8, else GB18030. A body
 * that declares UTF-8 but is not (devices that keep the template's prolog) falls back to GB18030.
 */
export function decodeManscdp(body: Buffer): string {
  const declared = declaredCharset(body);
  if (declared === undefined || UTF8.test(declared)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      return iconv.decode(body, 'gb18030');
    }
  }
  if (GB_FAMILY.test(declared)) return iconv.decode(body, 'gb18030');
  const name: string = declared;
  if (iconv.encodingExists(name)) return iconv.decode(body, name);
  throw new Gb28181Error('MANSCDP_BAD_CHARSET', 'unknown encoding "' + declared + '"');
}

/** Bytes of a body we send, in the charset its prolog declares (GB2312 is written as GB18030). */
export function encodeManscdp(xml: string, charset: 'GB2312' | 'UTF-8'): Buffer {
  return charset === 'UTF-8' ? Buffer.from(xml, 'utf8') : iconv.encode(xml, 'gb18030');
}
