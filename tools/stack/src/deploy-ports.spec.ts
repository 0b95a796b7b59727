import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot, loadConfig } from '@fengqiao/config';

/**
 * The production files name every port by its config variable, with the config's own default, so a
 * port is changed once (issue 19): docker-compose.yml and the dashboard's nginx template.
 */
const root = findRepoRoot();
const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const nginx = readFileSync(join(root, 'deploy/nginx/default.conf.template'), 'utf8');

const defaults = loadConfig({});
/** Each port variable and the value @fengqiao/config gives it when unset. */
const CONFIG_PORTS: Readonly<Record<string, number>> = {
  FQ_API_PORT: defaults.api.port,
  FQ_INGEST_PORT: defaults.ingest.port,
  FQ_WARNING_PORT: defaults.warning.port,
  FQ_REPORTS_PORT: defaults.reports.port,
  FQ_MEDIA_RTMP_PORT: defaults.media.rtmpPort,
  FQ_MEDIA_HTTP_PORT: defaults.media.httpPort,
  FQ_MEDIA_INTERNAL_HTTP_PORT: defaults.media.internalHttpPort,
  FQ_NOTIFY_PORT: defaults.notify.port,
  FQ_GB28181_SIP_PORT: defaults.gb28181.sipPort,
  FQ_GB28181_HTTP_PORT: defaults.gb28181.httpPort,
};

/** `${NAME:-default}` interpolations of a compose file. */
function interpolations(text: string): { name: string; fallback: string }[] {
  return [...text.matchAll(/\$\{(FQ_[A-Z0-9_]+):-([^}]*)\}/g)].map((m) => ({
    name: m[1] ?? '',
    fallback: m[2] ?? '',
  }));
}

describe('deploy files take their ports from the config variables', () => {
  it('compose falls back to the config default wherever it names a port variable', () => {
    const ports = interpolations(compose).filter((i) => i.name in CONFIG_PORTS);
    expect(new Set(ports.map((p) => p.name))).toEqual(new Set(Object.keys(CONFIG_PORTS)));
    for (const p of ports)
      expect({ [p.name]: Number(p.fallback) }).toEqual({ [p.name]: CONFIG_PORTS[p.name] });
  });

  it('compose writes no app port out: health checks and published ports use the variables', () => {
    // nginx's own listener (8080, the unprivileged image's) and its published 80 are not app ports.
    expect(compose.match(/127\.0\.0\.1:\d+/g) ?? []).toEqual(['127.0.0.1:8080']);
    expect(compose.match(/['"]\d+:\d+['"]/g) ?? []).toEqual(["'80:8080'"]);
    expect(compose).toContain("'${FQ_MEDIA_RTMP_PUBLISHED_PORT:-1935}:${FQ_MEDIA_RTMP_PORT:-19350}'");
  });

  it('the nginx template proxies to the API and media ports by variable, and compose passes both', () => {
    expect(nginx).not.toMatch(/proxy_pass http:\/\/[a-z]+:\d+/);
    const used = [...new Set([...nginx.matchAll(/\$\{(FQ_[A-Z0-9_]+)\}/g)].map((m) => m[1]))].sort();
    expect(used).toEqual(['FQ_API_PORT', 'FQ_MEDIA_HTTP_PORT']);
    const dashboard = compose.slice(compose.indexOf('\n  dashboard:'));
    for (const name of used) expect(dashboard).toContain(`${name}: \${${name}:-`);
  });
});
