import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { siteTypeSchema, type SiteType } from '@fengqiao/contracts';

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
 * only listed ids are accepted; otherwise any 20-digit id of the city with the shared password.
 */
export class DeviceDirectory {
  private constructor(
    private readonly listed: ReadonlyMap<string, z.infer<typeof entrySchema>> | undefined,
    private readonly defaultPassword: string,
  ) {}

  static load(path: string | undefined, defaultPassword: string): DeviceDirectory {
    if (path === undefined) return new DeviceDirectory(undefined, defaultPassword);
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success)
      throw new Error(
        `GB28181_DEVICES_INVALID: ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      );
    return new DeviceDirectory(new Map(Object.entries(parsed.data)), defaultPassword);
  }

  profileOf(deviceId: string): DeviceProfile | undefined {
    if (!/^5119\d{16}$/.test(deviceId)) return undefined;
    const entry = this.listed === undefined ? {} : this.listed.get(deviceId);
    if (entry === undefined) return undefined;
    return {
      password: entry.password ?? this.defaultPassword,
      siteType: entry.siteType ?? 'road',
      department: entry.department ?? 'GB28181',
    };
  }
}
