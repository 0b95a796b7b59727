/** One entry of a Catalog response or notify: a channel, a device, a business group or a region. */
export interface CatalogItem {
  readonly deviceId: string;
  readonly name?: string;
  readonly manufacturer?: string;
  readonly model?: string;
  readonly owner?: string;
  readonly civilCode?: string;
  readonly address?: string;
  readonly parental: boolean;
  readonly parentId?: string;
  /** ON / OFF as the device says; undefined when absent. */
  readonly online?: boolean;
  readonly longitude?: number;
  readonly latitude?: number;
  /** Catalog NOTIFY only: ON, OFF, VLOST, DEFECT, ADD, DEL, UPDATE. */
  readonly event?: string;
}

interface Common {
  readonly sn: number;
  /** The device (or channel, for alarms) the message speaks for. */
  readonly deviceId: string;
}

export type ManscdpMessage =
  | (Common & { readonly kind: 'keepalive'; readonly statusOk: boolean })
  | (Common & {
      readonly kind: 'catalog';
      readonly root: 'response' | 'notify';
      readonly sumNum: number;
      readonly items: readonly CatalogItem[];
    })
  | (Common & {
      readonly kind: 'device-info';
      readonly deviceName?: string;
      readonly manufacturer?: string;
      readonly model?: string;
      readonly firmware?: string;
      readonly channel?: number;
      readonly resultOk: boolean;
    })
  | (Common & {
      readonly kind: 'device-status';
      readonly online: boolean;
      readonly statusOk: boolean;
      readonly resultOk: boolean;
    })
  | (Common & {
      readonly kind: 'alarm';
      /** 1 (highest) .. 4. */
      readonly priority: number;
      /** Digits of AlarmMethod, e.g. "5" (video) or "12" (phone + device). */
      readonly method: string;
      readonly alarmType?: number;
      readonly alarmTime?: string;
      readonly description?: string;
      readonly longitude?: number;
      readonly latitude?: number;
    })
  | (Common & { readonly kind: 'other'; readonly root: string; readonly cmdType: string });
