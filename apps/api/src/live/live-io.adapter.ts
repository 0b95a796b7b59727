import { type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { type Server, type ServerOptions } from 'socket.io';
import { type ApiOptions } from '../infra/api-options';

/** Socket.IO with a small message cap, CORS from the API's origins, and no bundled client script. */
export class LiveIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly options: ApiOptions,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    return super.createIOServer(port, {
      ...options,
      serveClient: false,
      maxHttpBufferSize: this.options.socketMaxBufferBytes,
      cors: { origin: [...this.options.corsOrigins], credentials: false },
      // A wall reconnecting within 2 min resumes from its seq anyway; this only saves a replay query.
      connectionStateRecovery: undefined,
    }) as Server;
  }
}
