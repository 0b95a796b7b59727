import { type ApiHarness, startApi } from '../testing/api-harness';
import { connectLive } from '../testing/live-client';

describe('a live session ends with its access token', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi({ accessTokenTtlSeconds: 2 });
  });
  afterAll(async () => {
    await api.close();
  });

  it('tells the client, closes the socket, and refuses the expired token on reconnection', async () => {
    const token = (await api.login('wall')).accessToken;
    const client = await connectLive(api.url, token);
    let expired = false;
    client.socket.on('session.expired', () => {
      expired = true;
    });
    const closed = new Promise<string>((resolve) =>
      client.socket.once('disconnect', (reason) => resolve(reason)),
    );
    expect(await closed).toBe('io server disconnect');
    expect(expired).toBe(true);
    await expect(connectLive(api.url, token)).rejects.toMatchObject({ data: { code: 'TOKEN_EXPIRED' } });
  });
});
