import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { codeOutsideCity, siteTypeSchema, type SiteType } from '@fengqiao/contracts';

const entrySchema = z
  .object({
    password: z.string().min(8).optional(),
    siteType: siteTypeSchema.optional(),
    department: z.string().min(1).max(64).optional(),
  })
  .strict();
const fileSchema = z.record(z.string().regex(/^\d{20}$/, 'a 20-digit device or platform id'), entrySchema);

export interface DeviceProfile {
  readonly password: string;
  readonly siteType: SiteType;
  readonly department: string;
}

/**
 * Who may register and with which password: the devices file (FQ_GB28181_DEVICES) when given, where
 * only listed ids are accepted; otherwise any 20-digit id of the configured city (FQ_CITY_CODE: its
 * first 4 digits are the prefecture) with the shared password.
 */
export class DeviceDirectory {
  private constructor(
    private readonly listed: ReadonlyMap<string, z.infer<typeof entrySchema>> | undefined,
    private readonly defaultPassword: string,
    private readonly city: string,
  ) {}

  /** `city`: the configured city's 4-digit prefecture code (config.city.code). */
  static load(path: string | undefined, defaultPassword: string, city: string): DeviceDirectory {
    if (path === undefined) return new DeviceDirectory(undefined, defaultPassword, city);
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success)
      throw new Error(
        `GB28181_DEVICES_INVALID: ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      );
    return new DeviceDirectory(new Map(Object.entries(parsed.data)), defaultPassword, city);
  }

  profileOf(deviceId: string): DeviceProfile | undefined {
    if (!/^\d{20}$/.test(deviceId) || codeOutsideCity([deviceId], this.city) !== undefined) return undefined;
    const entry = this.listed === undefined ? {} : this.listed.get(deviceId);
    if (entry === undefined) return undefined;
    return {
      password: entry.password ?? this.defaultPassword,
      siteType: entry.siteType ?? 'road',
      department: entry.department ?? 'GB28181',
    };
  }
}
