import { XMLParser } from 'fast-xml-parser';
import { Gb28181Error } from '../gb28181-error';
import { decodeManscdp } from './manscdp-charset';
import { type CatalogItem, type ManscdpMessage } from './manscdp-types';

type Node = Record<string, unknown>;

// Every value stays a string: a 20-digit id parsed as a number would lose its last digits.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => name.toLowerCase() === 'item',
});

const ROOTS = new Set(['notify', 'response', 'query', 'control']);
// Hikvision bodies carry bare '&' in names: escape every '&' that does not start an entity.
const BARE_AMP = /&(?!(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});)/gi;

/** Parses a MANSCDP body from its raw bytes (charset from the prolog). Throws Gb28181Error. */
export function parseManscdp(body: Buffer): ManscdpMessage {
  const text = decodeManscdp(body).replace(BARE_AMP, '&amp;');
  let doc: Node;
  try {
    doc = parser.parse(text, true) as Node;
  } catch (err) {
    throw new Gb28181Error('MANSCDP_BAD_XML', err instanceof Error ? err.message.slice(0, 120) : 'bad XML');
  }
  const rootKey = Object.keys(doc).find((k) => ROOTS.has(k.toLowerCase()));
  const root = rootKey === undefined ? undefined : doc[rootKey];
  if (rootKey === undefined || !isNode(root))
    throw new Gb28181Error('MANSCDP_UNKNOWN_ROOT', 'no Notify/Response/Query/Control');
  return messageOf(rootKey.toLowerCase(), root);
}

function messageOf(root: string, n: Node): ManscdpMessage {
  const cmdType = required(n, 'CmdType');
  const sn = Number.parseInt(text(n, 'SN') ?? '0', 10);
  const common = { sn: Number.isFinite(sn) ? sn : 0, deviceId: required(n, 'DeviceID') };
  switch (`${root}:${cmdType.toLowerCase()}`) {
    case 'notify:keepalive':
      return { kind: 'keepalive', ...common, statusOk: ok(text(n, 'Status')) };
    case 'response:catalog':
    case 'notify:catalog':
      return {
        kind: 'catalog',
        root: root === 'notify' ? 'notify' : 'response',
        ...common,
        sumNum: intOf(text(n, 'SumNum')) ?? 0,
        items: itemsOf(n).map(catalogItem),
      };
    case 'response:deviceinfo':
      return {
        kind: 'device-info',
        ...common,
        deviceName: text(n, 'DeviceName'),
        manufacturer: text(n, 'Manufacturer'),
        model: text(n, 'Model'),
        firmware: text(n, 'Firmware'),
        channel: intOf(text(n, 'Channel')),
        resultOk: ok(text(n, 'Result') ?? 'OK'),
      };
    case 'response:devicestatus':
      return {
        kind: 'device-status',
        ...common,
        online: /^online$/i.test(text(n, 'Online') ?? ''),
        statusOk: ok(text(n, 'Status')),
        resultOk: ok(text(n, 'Result') ?? 'OK'),
      };
    case 'notify:alarm': {
      const info = child(n, 'Info');
      return {
        kind: 'alarm',
        ...common,
        priority: intOf(text(n, 'AlarmPriority')) ?? 4,
        method: (text(n, 'AlarmMethod') ?? '').replace(/\D/g, '').slice(0, 7),
        alarmType: intOf(info === undefined ? text(n, 'AlarmType') : text(info, 'AlarmType')),
        alarmTime: text(n, 'AlarmTime'),
        description: text(n, 'AlarmDescription'),
        longitude: numOf(text(n, 'Longitude')),
        latitude: numOf(text(n, 'Latitude')),
      };
    }
    default:
      return { kind: 'other', root, cmdType, ...common };
  }
}

function catalogItem(n: Node): CatalogItem {
  const status = text(n, 'Status');
  return {
    deviceId: required(n, 'DeviceID'),
    name: text(n, 'Name'),
    manufacturer: text(n, 'Manufacturer'),
    model: text(n, 'Model'),
    owner: text(n, 'Owner'),
    civilCode: text(n, 'CivilCode'),
    address: text(n, 'Address'),
    parental: text(n, 'Parental') === '1',
    parentId: text(n, 'ParentID'),
    online: status === undefined ? undefined : /^(on|online|ok)$/i.test(status),
    longitude: numOf(text(n, 'Longitude')),
    latitude: numOf(text(n, 'Latitude')),
    event: text(n, 'Event')?.toUpperCase(),
  };
}

function itemsOf(n: Node): Node[] {
  const list = child(n, 'DeviceList');
  if (list === undefined) return [];
  const items = field(list, 'Item');
  return Array.isArray(items) ? items.filter(isNode) : [];
}

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const ok = (v: string | undefined): boolean => /^ok$/i.test(v ?? '');

/** A child by name, case-insensitively (devices disagree on DeviceID vs DeviceId). */
function field(n: Node, name: string): unknown {
  if (name in n) return n[name];
  const lower = name.toLowerCase();
  const key = Object.keys(n).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : n[key];
}

function child(n: Node, name: string): Node | undefined {
  const v = field(n, name);
  return isNode(v) ? v : undefined;
}

function text(n: Node, name: string): string | undefined {
  const v = field(n, name);
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (isNode(v) && typeof v['#text'] === 'string') return v['#text'];
  return undefined;
}

function required(n: Node, name: string): string {
  const v = text(n, name);
  if (v === undefined) throw new Gb28181Error('MANSCDP_MISSING_FIELD', `no ${name}`);
  return v;
}

function intOf(v: string | undefined): number | undefined {
  if (v === undefined || !/^\d{1,9}$/.test(v)) return undefined;
  return Number(v);
}

function numOf(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}
