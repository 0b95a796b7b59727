// node-media-server 4.4.3 ships JavaScript with JSDoc but no declarations: the part we use.
declare module 'node-media-server' {
  namespace NodeMediaServer {
    interface NmsBroadcast {
      publishGraceMs: number;
    }
    interface NmsSession {
      readonly id: string;
      readonly ip: string;
      readonly protocol: string;
      readonly streamApp: string;
      readonly streamName: string;
      readonly streamPath: string;
      readonly inBytes: number;
      readonly videoFramerate: number;
      readonly videoWidth: number;
      readonly videoHeight: number;
      readonly broadcast?: NmsBroadcast;
    }
    interface NmsConfig {
      bind?: string;
      rtmp?: { port?: number };
      http?: { port?: number };
      auth?: { play?: boolean; publish?: boolean; secret?: string };
      store?: { path?: string };
      webadmin?: { enable?: boolean };
    }
  }
  class NodeMediaServer {
    constructor(config: NodeMediaServer.NmsConfig, configPath?: string);
    on(
      event: 'prePublish' | 'postPublish' | 'donePublish' | 'postPlay' | 'donePlay',
      listener: (session: NodeMediaServer.NmsSession) => void,
    ): void;
    run(): Promise<void>;
    stop(): Promise<void>;
  }
  export = NodeMediaServer;
}
declare module 'node-media-server/src/core/logger.js' {
  const logger: { level: string };
  export = logger;
}
