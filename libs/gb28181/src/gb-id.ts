/** What a GB/T 28181 id names, from its type code (digits 11-13 of a 20-digit id; rule A). */
export type GbIdKind = 'region' | 'device' | 'camera' | 'peripheral' | 'platform' | 'group' | 'unknown';

/** Type code of a 20-digit id (`id.slice(10, 13)`), or undefined for any other length. */
export function gbTypeCode(id: string): number | undefined {
  return /^\d{20}$/.test(id) ? Number(id.slice(10, 13)) : undefined;
}

/**
 * 2/4/6/8-digit ids are administrative regions; 111-130 front-end main devices (DVR, NVR, encoder),
 * 131-132 cameras and IPCs, other 133-199 peripherals, 215/216 business groups and virtual
 * organisations, other 200-299 platform parts.
 */
export function gbIdKind(id: string): GbIdKind {
  if (/^(\d{2}|\d{4}|\d{6}|\d{8})$/.test(id)) return 'region';
  const type = gbTypeCode(id);
  if (type === undefined) return 'unknown';
  if (type === 131 || type === 132) return 'camera';
  if (type >= 111 && type <= 130) return 'device';
  if (type >= 133 && type <= 199) return 'peripheral';
  if (type === 215 || type === 216) return 'group';
  if (type >= 200 && type <= 299) return 'platform';
  return 'unknown';
}

/** The SIP domain by convention: the first 10 digits of the server id. */
export function sipDomainOf(serverId: string): string {
  return serverId.slice(0, 10);
}
